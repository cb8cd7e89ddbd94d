"""Rows of the Option-Grid-style table: a patient's question, one short answer per option."""

COMPARISON_ROWS = [
    {
        "order": 10, "slug": "what-is-it", "question": "What is it?",
        "prp": "Your own blood, spun to concentrate the platelets, injected into the scalp.",
        "mesotherapy": "A ready-made mix of vitamins, nutrients or medicines, injected into "
                       "the scalp.",
        "established_medicines": "A lotion or foam (minoxidil), or a daily tablet for men "
                                 "(finasteride).",
        "watchful_waiting": "No treatment for now. You check again later.",
    },
    {
        "order": 20, "slug": "what-does-a-visit-involve",
        "question": "What does a visit involve?",
        "prp": "Blood is taken, spun for about 10 minutes, then many pricks in the scalp. "
               "About 45 to 60 minutes.",
        "mesotherapy": "No blood is taken. Many pricks in the scalp, by hand or with a "
                       "device. About 15 to 30 minutes.",
        "established_medicines": "You use it at home every day. Finasteride needs a "
                                 "prescription.",
        "watchful_waiting": "No visits. You may take photos to track change.",
    },
    {
        "order": 30, "slug": "how-many-visits", "question": "How many visits?",
        "prp": "Usually 3 sessions a month or so apart, then top-ups every 3 to 6 months.",
        "mesotherapy": "Often every 1 to 2 weeks for 4 to 10 sessions, then top-ups. Some "
                       "mixes are given every 3 months.",
        "established_medicines": "Daily use at home, with check-ups now and then.",
        "watchful_waiting": "None, unless things change.",
    },
    {
        "order": 40, "slug": "how-well-does-it-work", "question": "How well does it work?",
        "prp": "A small gain in hair count on average in pattern hair loss. Low certainty. "
               "One trial found no gain.",
        "mesotherapy": "Some small trials found gains, mostly for mixes with dutasteride. "
                       "Low certainty. Every mix differs.",
        "established_medicines": "The strongest evidence. Guidelines suggest them first. "
                                 "They work only while you use them.",
        "watchful_waiting": "Temporary shedding usually gets better. Pattern hair loss "
                            "slowly gets worse.",
    },
    {
        "order": 50, "slug": "when-would-i-notice", "question": "When would I notice a change?",
        "prp": "Often after 2 to 3 months. Judge it at about 6 months.",
        "mesotherapy": "It varies, from weeks to months.",
        "established_medicines": "Often after 4 to 6 months.",
        "watchful_waiting": "Shedding after a trigger often stops within 4 to 7 months.",
    },
    {
        "order": 60, "slug": "common-side-effects", "question": "Common side effects?",
        "prp": "Pain during the pricks, a sore or swollen scalp, bruises, a headache.",
        "mesotherapy": "Pain during the pricks, redness, swelling, bruises, a headache.",
        "established_medicines": "Minoxidil: itchy scalp, early shedding, facial hair. "
                                 "Finasteride: sexual side effects in some men.",
        "watchful_waiting": "None from treatment.",
    },
    {
        "order": 70, "slug": "rare-but-serious", "question": "Rare but serious risks?",
        "prp": "Infection. Fainting when blood is taken.",
        "mesotherapy": "Allergic reaction. Infection with lumps. Patches of hair loss that "
                       "can scar.",
        "established_medicines": "Rare. Finasteride can harm a baby boy in the womb.",
        "watchful_waiting": "Missing a cause that needs treatment, if warning signs are "
                            "ignored.",
    },
    {
        "order": 80, "slug": "allergy-risk", "question": "Allergy risk?",
        "prp": "Low for the plasma, which is your own. Added numbing medicine can cause a "
               "reaction.",
        "mesotherapy": "Any part of the mix, or the numbing medicine, can cause a "
                       "reaction.",
        "established_medicines": "Minoxidil lotion can irritate the scalp.",
        "watchful_waiting": "None.",
    },
    {
        "order": 90, "slug": "who-should-not", "question": "Who should not have it?",
        "prp": "People with platelet or bleeding problems, a scalp infection, some "
               "cancers, or in pregnancy.",
        "mesotherapy": "People allergic to the mix, with a scalp infection or bleeding "
                       "problem, or in pregnancy.",
        "established_medicines": "Finasteride: not for women who are or may become "
                                 "pregnant.",
        "watchful_waiting": "Anyone with warning signs should see a doctor first.",
    },
    {
        "order": 100, "slug": "cost", "question": "What does it cost?",
        "prp": "You pay per session, plus top-ups. Not on the NHS.",
        "mesotherapy": "You pay per session, plus top-ups. Not on the NHS.",
        "established_medicines": "Usually less per month. Finasteride may need a private "
                                 "prescription.",
        "watchful_waiting": "Nothing.",
    },
]
