"""Rows of the Option-Grid-style table: a patient's question, one short answer per option.

Every row answers for every column (standard medicines, hair transplant, PRP,
mesotherapy, watchful waiting); numbers only where a cited source gives them.
"""

COMPARISON_ROWS = [
    {
        "order": 10, "slug": "what-is-it", "question": "What is it?",
        "established_medicines": "A lotion, foam or tablet with minoxidil. Or a daily "
                                 "tablet for men (finasteride).",
        "hair_transplant": "An operation. Hair roots from the back of the head are moved "
                           "to thin areas.",
        "prp": "Your own blood, spun to concentrate the platelets, injected into the scalp.",
        "mesotherapy": "A ready-made mix is put into the scalp with many small pricks. It "
                       "may hold vitamins or a drug.",
        "watchful_waiting": "No treatment for now. You check again later.",
    },
    {
        "order": 20, "slug": "what-does-a-visit-involve",
        "question": "What does it involve?",
        "established_medicines": "You use it at home every day. Tablets need a "
                                 "prescription.",
        "hair_transplant": "A day in a clinic, awake, with a numbing injection. Then time "
                           "to heal.",
        "prp": "Blood is taken and spun. Then many pricks in the scalp. About 45 to 60 "
               "minutes.",
        "mesotherapy": "No blood is taken. Many pricks in the scalp. About 15 to 30 "
                       "minutes.",
        "watchful_waiting": "No visits. You may take photos to track change.",
    },
    {
        "order": 30, "slug": "how-many-visits", "question": "How many visits?",
        "established_medicines": "Daily use at home, with check-ups now and then.",
        "hair_transplant": "Most people have one operation, then check-ups. Some have a "
                           "second.",
        "prp": "Usually 3 sessions a month or so apart. Then top-ups every 3 to 6 months.",
        "mesotherapy": "Often every 1 to 2 weeks for 4 to 10 sessions, then top-ups.",
        "watchful_waiting": "None, unless things change.",
    },
    {
        "order": 40, "slug": "how-well-does-it-work", "question": "How well does it work?",
        "established_medicines": "The strongest evidence of all the options. Women: 63 "
                                 "out of 100 had new hair with minoxidil 2% (39 out of "
                                 "100 on a dummy). Men: 66 out of 100 had more hair with "
                                 "finasteride (7 out of 100 on a dummy). Fairly sure.",
        "hair_transplant": "It can look good. There are no trials that compare it with "
                           "other options.",
        "prp": "About 28 more hairs per cm² than a dummy, on average (likely range 14 to 41). "
               "Low certainty.",
        "mesotherapy": "No pooled figure exists. Small trials, every mix differs. Low "
                       "certainty.",
        "watchful_waiting": "Shedding after a shock usually settles. Pattern hair loss "
                            "slowly gets worse.",
    },
    {
        "order": 50, "slug": "when-would-i-notice", "question": "When would I notice a change?",
        "established_medicines": "Often after 4 to 6 months.",
        "hair_transplant": "The moved hair sheds first. New hair takes months to grow.",
        "prp": "Often after 2 to 3 months. Judge it at about 6 months.",
        "mesotherapy": "It varies, from weeks to months.",
        "watchful_waiting": "Shedding after a trigger often stops within 4 to 7 months.",
    },
    {
        "order": 60, "slug": "common-side-effects", "question": "Common side effects?",
        "established_medicines": "Minoxidil: an itchy scalp, early shedding, hair where you "
                                 "do not want it. Finasteride: low sex drive or erection "
                                 "problems in some men.",
        "hair_transplant": "Pain, swelling, bleeding and scabs. The moved hair sheds for a "
                           "while.",
        "prp": "Pain during the pricks, a sore or swollen scalp, bruises, a headache.",
        "mesotherapy": "Pain during the pricks, redness, swelling, bruises, a headache.",
        "watchful_waiting": "None from treatment. Hair loss may slowly get worse.",
    },
    {
        "order": 70, "slug": "rare-but-serious", "question": "Rare but serious risks?",
        "established_medicines": "Finasteride: low mood or thoughts of suicide (stop and "
                                 "see a doctor). Minoxidil tablets: feeling dizzy (about 2 "
                                 "in 100), swollen ankles or a fast heart (about 1 in 100 "
                                 "each).",
        "hair_transplant": "Infection. Scars that show. Patchy or poor growth.",
        "prp": "Infection. Fainting when blood is taken. HIV and other infections if kits "
               "are reused.",
        "mesotherapy": "Severe allergy. Infection with lumps. Patches of hair loss that "
                       "can scar.",
        "watchful_waiting": "Missing a cause that needs treatment, if warning signs are "
                            "ignored.",
    },
    {
        "order": 80, "slug": "allergy-risk", "question": "Allergy risk?",
        "established_medicines": "Minoxidil lotion can make the scalp itch or flake.",
        "hair_transplant": "The numbing medicine can cause a reaction.",
        "prp": "Low for the plasma, which is your own. The numbing medicine can cause a "
               "reaction.",
        "mesotherapy": "Any part of the mix, or the numbing medicine, can cause a "
                       "reaction.",
        "watchful_waiting": "None.",
    },
    {
        "order": 90, "slug": "who-should-not", "question": "Who should not have it?",
        "established_medicines": "Women should not take finasteride. No minoxidil if you "
                                 "are pregnant or breastfeeding.",
        "hair_transplant": "People whose hair loss is still changing fast, or who have too "
                           "little hair at the back.",
        "prp": "People who are pregnant or breastfeeding, or have a scalp infection. Not "
               "with a bleeding problem or a blood thinner until a doctor agrees.",
        "mesotherapy": "People who are pregnant or breastfeeding, have a scalp infection, "
                       "or are allergic to the mix. Not with a bleeding problem or a blood "
                       "thinner until a doctor agrees.",
        "watchful_waiting": "Anyone with warning signs should see a doctor first.",
    },
    {
        "order": 100, "slug": "cost", "question": "What does it cost?",
        "established_medicines": "Usually less per month. Tablets need a private "
                                 "prescription.",
        "hair_transplant": "A lot, paid at once. Not on the NHS.",
        "prp": "You pay per session, plus top-ups. Not on the NHS.",
        "mesotherapy": "You pay per session, plus top-ups. Not on the NHS.",
        "watchful_waiting": "It costs nothing.",
    },
    {
        "order": 110, "slug": "if-i-stop", "question": "What if I stop?",
        "established_medicines": "Any gain is lost over the next months.",
        "hair_transplant": "Nothing to stop. Hair that was not moved can keep thinning.",
        "prp": "Any gain fades. Most people need top-ups.",
        "mesotherapy": "Any gain fades. Most people need top-ups.",
        "watchful_waiting": "You can start a treatment at any time.",
    },
]
