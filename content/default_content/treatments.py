"""The two treatment profiles: the same fields, in the same order, in equal detail."""

from inspect import cleandoc

TREATMENTS = [
    {
        "slug": "prp",
        "order": 10,
        "name": "PRP (platelet-rich plasma)",
        "summary": "Your own blood is spun to concentrate the platelets, then injected into "
                   "the scalp.",
        "how_it_works": cleandoc("""
            Platelets are tiny cells in your blood that help wounds heal. They release
            growth factors. The idea is that a rich dose of them in the scalp may help
            weak hair roots grow thicker hair. Researchers do not yet fully know how it
            works.
            """),
        "what_is_used": cleandoc("""
            - Plasma from your own blood, with more platelets than normal.
            - A liquid in the tube that stops the blood from clotting.
            - Often a numbing cream or injection.
            """),
        "course_and_maintenance": cleandoc("""
            - Blood is taken at every visit. A visit often takes 45 to 60 minutes.
            - First course: usually 3 sessions, 4 to 6 weeks apart.
            - Top-ups: often every 3 to 6 months.
            - A change may show after 2 to 3 months. Judge it at about 6 months.
            - Any gain fades if you stop.
            """),
        "common_side_effects": cleandoc("""
            - Common: pain during the pricks, a sore or swollen scalp, redness, bruises
              and a headache.
            - Less common: more shedding for a short time, and itching.
            - Rare: an infection, fainting when blood is taken, or a reaction to the
              numbing medicine.
            """),
        "who_should_not_have_it": cleandoc("""
            - People with a platelet problem or a very low platelet count.
            - People with an infection in the body or on the scalp.
            - People who are pregnant or breastfeeding.
            - Check with a doctor first if you take a blood thinner, have had cancer,
              smoke, or recently took steroids.
            """),
        "who_it_may_suit": cleandoc("""
            - Adults with early to moderate pattern hair loss, diagnosed by a doctor.
            - People who would rather have nothing from outside their body injected.
            - People for whom minoxidil or finasteride did not work or did not suit.
            """),
        "strength_of_evidence": cleandoc("""
            Low certainty. A 2024 review of 14 small trials found about 28 more hairs per
            square centimetre than a dummy injection, on average. Methods varied a lot,
            and one trial in 2020 found no gain. It has more studies than mesotherapy.
            """),
    },
    {
        "slug": "mesotherapy",
        "order": 20,
        "name": "Mesotherapy",
        "summary": "A ready-made mixture of vitamins, nutrients or medicines is injected "
                   "into the scalp.",
        "how_it_works": cleandoc("""
            Many tiny pricks put a small dose of a mixture into the middle layer of the
            scalp skin. The idea is to feed the hair roots, or to give a medicine right
            where the hair grows. Researchers do not yet fully know how well this works.
            """),
        "what_is_used": cleandoc("""
            - A mix that differs by clinic and brand. It may hold vitamins, minerals,
              amino acids or hyaluronic acid.
            - Some mixes hold a medicine, such as minoxidil or dutasteride.
            - Often a numbing cream.
            """),
        "course_and_maintenance": cleandoc("""
            - No blood is taken. A visit often takes 15 to 30 minutes.
            - First course with a vitamin mix: often every 1 to 2 weeks, for 4 to 10
              sessions.
            - Top-ups: often monthly or less. Mixes with dutasteride are often given every
              3 months.
            - The time to see a change varies, from weeks to months.
            - Any gain fades if you stop.
            """),
        "common_side_effects": cleandoc("""
            - Common: pain during the pricks, redness, swelling, bruises and a headache.
            - Less common: an allergic reaction to part of the mix.
            - Rare: an infection that causes lumps, or patches of hair loss where the
              needles went in, which can scar.
            """),
        "who_should_not_have_it": cleandoc("""
            - People allergic to any part of the mix.
            - People with an infection, wound or skin flare on the scalp.
            - People who are pregnant or breastfeeding.
            - Check with a doctor first if you take a blood thinner, have had cancer,
              or could become pregnant and the mix holds dutasteride or finasteride.
            """),
        "who_it_may_suit": cleandoc("""
            - Adults with early pattern hair loss, diagnosed by a doctor.
            - People who do not want blood taken.
            - People who, with a doctor, choose a hormone-blocking medicine in the scalp
              instead of a daily tablet.
            """),
        "strength_of_evidence": cleandoc("""
            Low certainty, and weaker than for PRP. Trials are few and small, and every
            mix differs. Mixes with dutasteride have the most data. A 2023 review of 27
            studies found some gains but no standard method.
            """),
    },
]
