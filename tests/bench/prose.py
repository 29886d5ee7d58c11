"""Plausible text for the generated org workspace: names, titles, notes, decisions, of the sizes people type.

Everything is drawn from one ``random.Random`` so the same seed gives the same
workspace, byte for byte. The words are a small business vocabulary so the
file looks like a real company's (similar lengths, similar JSON escaping).
"""

from __future__ import annotations

import random

FIRST_NAMES = (
    "Ana Ben Chloe Dana Eli Farah Gus Hana Ivan Jo Kai Lena Malik Nora Omar Pia Quinn Rosa Sam Tara Uma Vik Wes "
    "Xena Yusuf Zoe Amir Bea Cruz Dev Esme Finn Gia Hugo Iris Jun Kofi Lara Milo Nia"
).split()
LAST_NAMES = (
    "Abbott Brennan Castillo Dlamini Eriksen Fujita Garber Haddad Ibarra Jansen Kowalski Lindqvist Moreau Nakamura "
    "Okafor Petrov Quintero Rahman Silva Tanaka"
).split()
TEAM_NAMES = (
    "Leadership",
    "Sales",
    "Marketing",
    "Operations",
    "Finance",
    "Customer Success",
    "Engineering",
    "Product",
    "People",
    "Supply Chain",
)
VERBS = (
    "Call back call review draft send fix finish update walk schedule price confirm order test audit train "
    "document hire interview ship quote check plan clean"
).split()
OBJECTS = (
    "the quote builder|the second-shift handoff|three overdue invoices|the Q3 pricing sheet|the onboarding checklist|"
    "the supplier contract|the warehouse layout|the churn report|the hiring plan|the trade show booth|the CRM import|"
    "the returns backlog|the safety audit|the new press settings|the holiday schedule|the renewal list|"
    "the freight rates|the training videos|the board deck|the support macros|the inventory count|the website copy"
).split("|")
TAILS = (
    "|| with Jo before Friday|| and list what's missing|| so the team can decide next week|| for the top 40 accounts|"
    "| before the month closes| and report the number| with a written summary"
).split("|")
WORDS = (
    "customer order margin supplier schedule shift quality delay cost price team week quarter number goal plan "
    "review process handoff backlog invoice shipment inventory defect training hire churn renewal forecast budget "
    "pipeline lead quote rework capacity overtime vendor contract freight warehouse press line setup waste sample"
).split()


def person_name(index: int) -> str:
    """A unique, pronounceable name for person ``index`` (0-based)."""
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    last = LAST_NAMES[(index // len(FIRST_NAMES) + index) % len(LAST_NAMES)]
    return f"{first} {last}"


def sentence(rng: random.Random, low: int = 6, high: int = 16) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, low: int = 1, high: int = 4) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(low, high)))


def action_title(rng: random.Random) -> str:
    """A to-do's title: "Call back the supplier contract with Jo before Friday"."""
    return f"{rng.choice(VERBS).capitalize()} {rng.choice(OBJECTS)}{rng.choice(TAILS)}"


def issue_title(rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.choice(OBJECTS).capitalize()} keeps slipping",
            f"Why is {rng.choice(WORDS)} {rng.choice(WORDS)} off again?",
            f"Who owns {rng.choice(OBJECTS)}?",
            f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} is behind plan",
        )
    )


def rock_title(rng: random.Random) -> str:
    return rng.choice(
        (
            f"Finish {rng.choice(OBJECTS)} and hand it to the team",
            f"Cut {rng.choice(WORDS)} {rng.choice(WORDS)} by {rng.randint(5, 40)}%",
            f"Launch {rng.choice(OBJECTS)} for every {rng.choice(WORDS)}",
            f"Win {rng.randint(2, 12)} new {rng.choice(WORDS)} accounts",
        )
    )


def headline_text(rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.choice(FIRST_NAMES)} closed the {rng.choice(WORDS)} deal with {rng.choice(LAST_NAMES)} & Co.",
            f"{rng.choice(LAST_NAMES)} Foods says {rng.choice(OBJECTS)} is the best they have seen",
            f"{rng.choice(FIRST_NAMES)} is out next week; {rng.choice(FIRST_NAMES)} covers {rng.choice(OBJECTS)}",
            sentence(rng, 8, 20),
        )
    )
