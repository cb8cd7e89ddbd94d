"""R0: what every summary carries. Standard treatments come first (principle 2), with
their main harms, then the other options; what to bring; no promises."""

from collections.abc import Iterable

from assessments.reasoning.engine import (
    ANY,
    Answers,
    Finding,
    Findings,
    Say,
    bring,
    discuss,
    expect,
    rule,
)
from assessments.reasoning.groups import pregnant_or_breastfeeding


@rule(
    "R0",
    "Every summary: standard treatments first, other options, what to bring",
    trigger="Every summary. The medicines wait during pregnancy and breastfeeding.",
    reads={"treatments_tried": ANY, "pregnancy": ANY, "breastfeeding_now": ANY},
    source="rules.md v2 R0; clinical-facts §5, §10 (finasteride, minoxidil, transplant, "
           "devices, GP first), §1.2",
    says={
        "gp_first": discuss(
            "The NHS advises seeing a GP first to find the cause of hair loss, before you pay "
            "a private clinic.", see="see-a-doctor-first",
        ),
        "minoxidil": discuss(
            "Standard medicines are usually tried first. Minoxidil is a lotion or foam for men "
            "and women. It can itch or flake, and extra shedding in the first weeks is common. "
            "Minoxidil tablets need a prescription and can cause extra face or body hair, "
            "swollen ankles, a fast heartbeat or dizziness."
        ),
        "finasteride": discuss(
            "Finasteride is a tablet for men. Its pack warns of low mood and thoughts of "
            "suicide: stop it and see a doctor if these happen. Sexual side effects can last "
            "after stopping. It is not for anyone who is or may become pregnant."
        ),
        "medicines_wait": discuss(
            "During pregnancy and breastfeeding these medicines wait too. Ask which care is "
            "safe for now."
        ),
        "transplant_devices": discuss(
            "A hair transplant moves hair from the back of the head. It costs a lot, can scar "
            "and needs medicine to keep the rest. Laser caps and microneedling have small "
            "studies with modest gains."
        ),
        "waiting": discuss(
            "Waiting and watching is a fair choice too. Pattern loss changes slowly, and photos "
            "every few months show any change.",
            see="watchful-waiting", hidden_when_doctor_first=True,
        ),
        "medicine_list": bring("A list of all your medicines and supplements."),
        "photos": bring("Any photos of your hair from the past, to show how it has changed."),
        "blood_tests": bring("Results of any blood tests you had in the past year."),
        "products": bring("The names of the hair products and treatments you used."),
        "no_promise": expect(
            "No treatment works for everyone. Most take a few months to show any change."
        ),
    },
)
def always(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    yield say("gp_first", ())
    yield say("minoxidil", ())
    yield say("finasteride", ())
    waiting_for_baby = pregnant_or_breastfeeding(a)
    if waiting_for_baby:
        yield say("medicines_wait", waiting_for_baby)
    yield say("transplant_devices", ())
    yield say("waiting", ())
    yield say("medicine_list", ())
    yield say("photos", ())
    yield say("blood_tests", ())
    tried = a.pairs_except_none("treatments_tried")
    if tried:
        yield say("products", tried)
    yield say("no_promise", ())
