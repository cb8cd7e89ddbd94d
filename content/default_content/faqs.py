"""Questions patients ask, answered briefly, with a link to the section that says more."""

from inspect import cleandoc


def _faq(order: int, slug: str, question: str, answer: str) -> dict:
    return {"order": order, "slug": slug, "question": question, "answer": cleandoc(answer)}


FAQS = [
    _faq(10, "which-is-better", "Which is better, PRP or mesotherapy?", """
        No one knows. We found no good trial that compared them directly. PRP has more
        studies, but the evidence for both is of low certainty. Standard medicines have
        stronger evidence than either. What suits you depends on
        your diagnosis, your health and what matters to you. See
        [how well they work](/guide/#evidence).
        """),
    _faq(20, "can-i-have-both", "Can I have both?", """
        Some clinics offer PRP and mesotherapy in one plan. There are no good trials of
        the pair. The best studied mix is PRP with minoxidil or finasteride. See
        [combined plans](/guide/#combined-plans).
        """),
    _faq(30, "will-my-hair-grow-back", "Will my hair grow back?", """
        It may get a bit thicker, but do not expect a full head of hair. In studies, the
        average gain was small. Any change is slow, and it fades if you stop. Neither
        treatment can bring back a follicle that has gone.
        """),
    _faq(40, "does-it-hurt", "Does it hurt?", """
        Yes, it can. Pain during the pricks is the most common side effect of both. Many
        clinics use a numbing cream or injection. See
        [what a session is like](/guide/#what-a-session-is-like).
        """),
    _faq(50, "allergy", "I have allergies. Does that matter?", """
        Yes. Tell the clinic about every allergy. With mesotherapy, any part of the mix
        can cause a reaction, so ask exactly what is in it. With PRP, a reaction to your
        own plasma is not expected, but the numbing medicine can still cause one.
        """),
    _faq(60, "blood-thinners", "I take a blood thinner. Can I have either?", """
        Not until the doctor who prescribes it agrees. This is the same for both. Both
        can cause more bleeding and bruising. Blood thinners may also make PRP work less
        well. Never stop a blood thinner on your own.
        """),
    _faq(70, "pregnancy", "Can I have them while pregnant or breastfeeding?", """
        No. Neither should be done while you are pregnant or breastfeeding, as there is
        no safety data. Mixes with dutasteride or finasteride can harm a baby boy in the
        womb.
        """),
    _faq(80, "how-long", "How long will I need treatment?", """
        For as long as you want to keep any gain. Both start with a course of sessions,
        then need top-ups every few months. See
        [how often and the cost](/guide/#schedules-and-costs).
        """),
    _faq(90, "nhs", "Can I get these on the NHS?", """
        No. In the UK, PRP and mesotherapy for hair loss are paid for privately. Ask for
        the full cost of a year, including top-ups.
        """),
    _faq(100, "do-nothing", "What if I do nothing?", """
        That is a real option. Temporary shedding usually settles by itself. Pattern hair
        loss gets worse slowly, so waiting a few months to decide does little harm for
        most people. See a doctor if you notice any warning signs. See
        [watchful waiting](/guide/#watchful-waiting).
        """),
    _faq(110, "see-a-doctor", "Should I see a doctor before a hair clinic?", """
        Yes. The NHS advises that you see a GP first, to find the cause, before you go to
        a private hair clinic. Some causes need medical care, and some settle without
        any treatment. Go soon if you have warning signs, such as sudden loss, bald
        patches or a sore scalp. See
        [when to see a doctor first](/guide/#see-a-doctor-first).
        """),
    _faq(120, "who-made-this", "Who made this guide, and who checked it?", """
        The hairtx project team wrote it, using published research and NHS advice. The
        writers are not doctors. No clinician has reviewed it yet. The clinic that uses
        this site offers PRP and mesotherapy. See
        [how this guide was made](/how-this-guide-was-made/).
        """),
    _faq(130, "finasteride-mood", "I have read that finasteride can affect mood. Is that true?", """
        Yes. Low mood, depression and thoughts of suicide are listed side effects. No one
        knows how often they happen. If your mood changes, stop finasteride and see a
        doctor straight away. Sexual side effects can also happen, and for some men they
        last after stopping. A card in the pack explains this. See
        [finasteride](/options/finasteride-dutasteride/).
        """),
]
