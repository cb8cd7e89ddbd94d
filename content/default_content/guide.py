"""The guide article and its sections.

The slugs in FIXED_SECTION_SLUGS are linked from the questionnaire's summary: never
rename or remove them. Keep sentences short (Flesch-Kincaid grade 8 or lower per
section; tests/content/test_readability.py checks it).
"""

from inspect import cleandoc

from content.warning_signs import see_a_doctor_first_body

ARTICLE = {
    "slug": "guide",
    "title": "PRP and mesotherapy for hair loss: a guide",
    "summary": (
        "This guide explains your choices for hair loss: standard medicines, a hair "
        "transplant, devices, two scalp injections (PRP and mesotherapy), and waiting. It "
        "will not tell you what to choose. It helps you get ready to talk it through with "
        "a doctor."
    ),
}

FIXED_SECTION_SLUGS = (
    "about-hair-loss",
    "how-hair-grows",
    "temporary-shedding",
    "see-a-doctor-first",
    "prp-explained",
    "mesotherapy-explained",
    "how-they-differ",
    "what-a-session-is-like",
    "schedules-and-costs",
    "evidence",
    "side-effects",
    "who-should-not-have-prp",
    "who-should-not-have-mesotherapy",
    "who-each-may-suit",
    "combined-plans",
    "other-options",
    "watchful-waiting",
    "preparing-for-your-appointment",
    "about-this-guide",
)


def _section(order: int, slug: str, title: str, body: str) -> dict:
    return {"order": order, "slug": slug, "title": title, "body": cleandoc(body)}


SECTIONS = [
    _section(10, "the-choice", "The choice in front of you", """
        This guide is for adults who are losing hair. It is also for people who are thinking
        about PRP or mesotherapy. Both are courses of small injections into the scalp. Clinics
        often offer them side by side.

        The NHS advises that you see a GP first, to find the cause of your hair loss. Do this
        before you go to a private hair clinic. Some causes need medical care, and some need no
        treatment at all.

        The choice is not only "PRP or mesotherapy". Your options are:

        - A standard medicine, such as [minoxidil](/options/minoxidil/) or
          [finasteride](/options/finasteride-dutasteride/). These have the strongest evidence.
        - A [hair transplant](/options/hair-transplant/), which is an operation.
        - A [device](/options/devices/), such as a laser cap or a needle roller.
        - [PRP](/options/prp/) or [mesotherapy](/options/mesotherapy/), alone or as an add-on.
        - [Watchful waiting](/options/watchful-waiting/): no treatment for now.

        Each choice has good and bad points. The right one depends on your type of hair loss,
        your health and what matters most to you. This guide does not pick for you. It helps
        you get ready to talk it through with a dermatologist or doctor. You can
        [compare all the options](/compare/) side by side.
        """),
    _section(20, "about-hair-loss", "About hair loss: causes and types", """
        Losing some hair every day is normal. Most people shed about 50 to 100 hairs a
        day, and new hairs grow in their place.

        Hair loss becomes a problem when more falls out than grows back, or when new
        hairs grow back thinner. There are many causes. The main types are:

        - **Pattern hair loss.** Doctors call it androgenetic alopecia. It is the most
          common type, and it runs in families. In men it starts at the temples or the
          crown. In women the parting gets wider and the top gets thinner, but the front
          hairline stays. It comes on slowly, over years.
        - **Temporary shedding.** Doctors call it telogen effluvium. Lots of hair falls
          out all over the head a few months after a shock to the body, such as an
          illness or giving birth. It usually settles on its own. See
          [temporary shedding](#temporary-shedding).
        - **Alopecia areata.** The body's defences attack the hair roots. This causes
          smooth, round bald patches. It needs a doctor to diagnose it.
        - **Scarring hair loss.** Swelling around the roots destroys them. The scalp may
          itch, burn or hurt. Lost hair does not grow back, so it needs prompt care from
          a specialist.
        - **Traction hair loss.** Tight braids, ponytails or extensions pull hair out
          along the hairline. It can recover if the pulling stops early.
        - **Other causes.** These include a fungal scalp infection, some medicines,
          cancer treatment, low iron and thyroid problems.

        Low iron, anaemia and thyroid problems can cause hair loss, or add to it, in any
        pattern. They can be treated. So doctors often suggest blood tests first: a blood
        count, iron stores (ferritin) and thyroid. A fungal scalp infection also needs
        its own treatment.

        PRP and mesotherapy are mostly offered for pattern hair loss. They are not a first
        step for the other types. A doctor can tell which type you have, often just by
        looking at your scalp.
        """),
    _section(30, "how-hair-grows", "How hair grows, and what happens to the roots", """
        Each hair grows from a tiny pocket in the skin called a follicle. You can think of
        it as the hair's root.

        Follicles work in a cycle with three stages:

        1. **Growing.** At any time, about 85 to 90 in every 100 hairs are growing. This
           stage lasts 2 to 7 years.
        2. **Stopping.** About 1 or 2 in every 100 hairs stop growing. This takes 2 to 3
           weeks.
        3. **Resting.** About 10 to 15 in every 100 hairs rest for about 3 months. Then
           the hair falls out and a new one starts to grow.

        In pattern hair loss, a hormone called DHT acts on follicles that are sensitive to
        it. This runs in families. Over time, these follicles shrink. Doctors call this
        miniaturisation. Each new hair grows back shorter and finer than the last. In the
        end, some follicles make only fine, pale hairs that are hard to see.

        Shrunken follicles are not dead. They can live on for years. This is why treatment
        tends to work best early, while the follicles are still there. Once a follicle is
        gone, no lotion, tablet or injection can bring it back.

        In scarring hair loss the follicles are destroyed. That is why it matters to find
        it early.
        """),
    _section(40, "temporary-shedding", "Temporary shedding (telogen effluvium)", """
        Sometimes a lot of hair falls out at once. You may see it in the shower, on your
        pillow or in your brush. It comes out all over the head, not in patches. Doctors
        call this telogen effluvium.

        It happens when a shock to the body pushes many hairs into the resting stage at
        the same time. Common triggers are:

        - A high fever or a serious illness.
        - Giving birth.
        - An operation.
        - A crash diet or fast weight loss.
        - Great stress.
        - Low iron, or a thyroid problem.
        - Starting or stopping some medicines, including the pill.

        The shedding often starts 2 to 3 months after the trigger, so people do not always
        link the two. It can start as early as 6 weeks or as late as 4 months after.

        Once the trigger has passed or been treated, shedding usually stops within about 4
        to 7 months. Then the hair grows back. This takes time, because hair grows slowly.

        If shedding goes on for more than 6 months, doctors call it long-term shedding. It
        can look like early pattern hair loss, or hide it. A doctor may check your iron
        and thyroid with a blood test.

        PRP and mesotherapy are not a first step for temporary shedding. The answer is to
        find and fix the cause.
        """),
    # Written from the one list of warning signs that the red-flag rules also read.
    {"order": 50, "slug": "see-a-doctor-first", "title": "When to see a doctor first",
     "body": see_a_doctor_first_body()},
    _section(60, "prp-explained", "PRP explained", """
        PRP stands for platelet-rich plasma. Plasma is the liquid part of your blood.
        Platelets are tiny cells in the blood that help wounds heal. They release
        substances called growth factors.

        The idea is that a rich dose of platelets in the scalp may help weak follicles
        grow thicker hair. Researchers do not yet fully know how it works.

        ### What happens

        1. A nurse or doctor takes some blood from your arm, like a normal blood test.
        2. The blood is spun in a machine for about 10 minutes. This splits it into
           layers.
        3. The layer with the most platelets is drawn into small syringes.
        4. It is injected into the thin areas of your scalp, with many small pricks about
           1 cm apart.

        The whole visit often takes 45 to 60 minutes.

        ### Good to know

        - It uses your own blood, so an allergy to the plasma itself is not expected.
          Other things used at the visit can still cause a reaction. These include the
          numbing medicine and the liquid that stops the blood from clotting.
        - There is no standard way to make PRP. Kits, spin methods and doses differ
          between clinics. So one clinic's PRP may not match the PRP used in studies.
        - No PRP product is licensed for hair loss. Using it for hair is "off-label".
        - PRP must be made with a single-use kit and new needles, by a licensed provider.
          In 2024, US health officials linked HIV infections to PRP facials at an
          unlicensed spa that reused equipment. Ask the clinic how it keeps things clean.
        - Any gain fades if you stop. Most people need top-up sessions.

        See the full [PRP profile](/options/prp/) for side effects and who should not
        have it.
        """),
    _section(70, "mesotherapy-explained", "Mesotherapy explained", """
        Mesotherapy means many tiny injections into the middle layer of the skin. For hair
        loss, a mixture is injected into the scalp. Clinics sometimes call it a cocktail.
        The method was first used in France in the 1950s.

        The idea is to put a small dose right where the hair grows. This may give a higher
        dose at the follicle than a lotion, with less reaching the rest of the body.

        ### What goes into the mixture

        Each clinic and brand uses its own mix. It may contain:

        - Vitamins, such as biotin and other B vitamins.
        - Minerals, such as zinc, copper and silicon.
        - Amino acids, the building blocks of protein.
        - Hyaluronic acid, peptides or plant extracts.
        - Medicines, such as minoxidil, or dutasteride or finasteride, which block a
          hormone linked to hair loss. These two are hormone-type medicines, with the
          same warnings as the tablets.

        Some mixes hold more than 50 parts. Always ask exactly what is in yours.

        ### What happens

        The scalp is cleaned. The mixture goes in with many small pricks. This is done by
        hand, with an injector gun, or with a roller or pen that has tiny needles. A visit
        often takes 15 to 30 minutes. No blood is taken.

        ### Good to know

        - No mesotherapy mix is licensed as a medicine for hair loss in the UK, the EU or
          the US. Medicines in the mix are used "off-label".
        - Every mix is different, so a result for one product tells you little about
          another.
        - Any gain fades if you stop. Most people need top-up sessions.

        See the full [mesotherapy profile](/options/mesotherapy/) for side effects and
        who should not have it.
        """),
    _section(80, "how-they-differ", "How PRP and mesotherapy differ", """
        Both are courses of small injections into the scalp. Neither is surgery. The main
        difference is what goes in.

        - **PRP** uses something from your own body. It puts a concentrate of your own
          platelets into the scalp. The aim is to use the growth signals that platelets give
          off.
        - **Mesotherapy** brings something in from outside. It puts a ready-made mixture into
          the scalp. The aim is to feed the follicles, or to put a medicine right where it is
          needed.

        This difference shapes the rest:

        - **Blood test.** PRP needs blood to be taken at every visit. Mesotherapy does not.
        - **Allergy.** With PRP, an allergy to the plasma is unlikely, because it is your own.
          With mesotherapy, any part of the mix can cause a reaction. With both, the numbing
          medicine can cause a reaction.
        - **Sameness.** With PRP the main ingredient is always your plasma, though the way it
          is made differs. With mesotherapy the mix itself differs from clinic to clinic.
        - **Medicines.** Some mesotherapy mixes hold a medicine that blocks a hormone. This
          brings extra cautions, for example in pregnancy. PRP has no added medicine.
        - **Clean kit.** Both need single-use needles. PRP also needs a single-use kit to
          prepare your blood.

        Neither option has been shown to work better than the other. We found no good trial
        that compared the two head to head.
        """),
    _section(90, "what-a-session-is-like", "What a session is like", """
        It helps to picture a visit before you decide.

        ### PRP

        - First, blood is taken from your arm. If you have fainted at a blood test before,
          tell the team. You can lie down.
        - While the blood spins, the team cleans your scalp. Many clinics numb the scalp
          with a cream or an injection, because the pricks can hurt.
        - Then you have many small pricks across the thin area.
        - The whole visit is often 45 to 60 minutes.

        ### Mesotherapy

        - No blood is taken.
        - The team cleans your scalp. Some clinics use a numbing cream.
        - Then you have many small pricks across the thin area. This is done by hand, with
          a device, or with a needle roller.
        - The whole visit is often 15 to 30 minutes.

        ### How it feels, and afterwards

        Both can hurt. Pain during the pricks is the most common complaint for both. Your
        scalp may feel sore, tight or swollen for a day or two. Some people get a
        headache. Small bruises and spots of blood can happen. They usually fade within a
        week.

        Most people go back to work the same day. Clinics often ask you not to wash your
        hair for about a day, and not to dye it for a few days.

        If needles make you very anxious, say so early. Ask what numbing is used and
        whether you can lie down.
        """),
    _section(100, "schedules-and-costs", "How often, for how long, and the cost", """
        Neither treatment is a one-off. Both start with a course of sessions. Then you
        need top-ups to keep any gain.

        ### PRP

        - **First course:** usually 3 sessions, 4 to 6 weeks apart. Some clinics do 4 to
          6 sessions.
        - **Top-ups:** often every 3 to 6 months. Some clinics say every 6 to 12 months.
        - **When you might see a change:** often after 2 to 3 months. Judge the result at
          about 6 months.

        ### Mesotherapy

        - **First course with a vitamin mix:** often every 1 to 2 weeks, for about 4 to 10
          sessions. Then once a month or less.
        - **Mixes with dutasteride:** in everyday practice, often one session every 3
          months.
        - **When you might see a change:** this varies. It may take weeks or months.

        ### If you stop

        With both, any gain tends to fade once you stop. The same is true of minoxidil and
        finasteride.

        ### Cost

        In the UK, PRP and mesotherapy for hair loss are not on the NHS. You pay for each
        session, and for top-ups for as long as you keep going. Prices vary a lot between
        clinics. Ask for the full cost of the first course and of a year of top-ups.
        Minoxidil usually costs less each month. Watchful waiting costs nothing.
        """),
    _section(110, "evidence", "How well do they work? What the research says", """
        This section says how sure the research is. "Low certainty" means the true effect
        could be quite different from what the studies found. Where we give a number, we also
        give the range the study gives.

        ### Standard medicines first

        Minoxidil and finasteride have the strongest evidence of all the options. Guides for
        doctors name them as the first treatments to try. In trials that lasted up to 5 years,
        men on finasteride kept more hair than men on a dummy tablet.

        - **Finasteride:** in two large trials, 66 out of 100 men who took it for 2 years
          had more hair in their photos. So did 7 out of 100 men on a dummy tablet.
        - **Minoxidil lotion (2%):** in a trial of 308 women, 63 out of 100 who used it for 8
          months had at least a little new hair. So did 39 out of 100 on a dummy lotion.

        Both are from trials the makers helped to run. See
        [minoxidil](/options/minoxidil/) and [finasteride](/options/finasteride-dutasteride/)
        for how sure these figures are.

        ### PRP

        - PRP has more studies than mesotherapy. Most are on pattern hair loss in men and
          women.
        - A 2024 review pooled 14 small trials with 431 people. On average, PRP added about 28
          hairs per square centimetre, compared with a dummy injection. The likely range is
          about 14 to 41.
        - Results differed a lot between trials. The review rated the evidence as low
          certainty.
        - There was no clear change in how thick the hairs were.
        - In women, a 2021 review found the result uncertain.
        - Not every trial found a gain. A 2020 trial in 30 men found PRP did no better than
          salt water.
        - No study we found says how many people out of 100 are helped.
        - For alopecia areata, small trials found PRP about as good as steroid injections. A
          dermatologist must make that diagnosis first.

        ### Mesotherapy

        - There are fewer studies, and they are smaller. Many come from a single clinic.
        - No review has pooled the results into one figure.
        - Every mix is different, so one result does not tell you about another mix.
        - Mixes with dutasteride have the most data. In small trials, more people improved
          than with salt water.
        - Vitamin and amino acid mixes have the least evidence. In a 2019 trial of 49 men, a
          vitamin mix with needling did no better than minoxidil lotion on hair counts.
        - A 2023 review of 27 studies found some gains, but no standard method. It called for
          larger and better trials.
        - No study we found says how many people out of 100 are helped.

        ### Early or late hair loss

        Trials of PRP and mesotherapy were mostly in early to middle stages. At a late
        stage, with large bald areas, they are less likely to help. Medicines can keep the
        hair you have. A hair transplant, or hair fibres and wigs, may be worth asking
        about too.

        ### The two compared

        We found no good trial that compared PRP with mesotherapy directly. So no one can say
        which works better.

        The [Sources](/sources/) page lists the studies behind this section, with their
        dates.
        """),
    _section(120, "side-effects", "Side effects and safety", """
        All treatments for hair loss have side effects. This section covers the two
        injections. They are listed in the same way for each. The
        [option pages](/compare/) list them for every other option too.

        ### PRP: common

        - Pain during the pricks. This is the most common side effect. No study we found says
          how many people out of 100 have it.
        - A sore, tender or swollen scalp; swelling can spread to the forehead.
        - Redness, small spots of blood, and bruises on the scalp or where blood was taken.
        - A headache after the session.

        ### PRP: less common or rare

        - More shedding for a short time.
        - Itching.
        - An infection where the needles went in.
        - Fainting when blood is taken.
        - A reaction to the numbing medicine, or to something else added.
        - HIV and other infections carried in blood, if kits or needles are reused.

        ### Mesotherapy: common

        - Pain during the pricks. This is the most common side effect. No study we found gives
          a fair "out of 100" figure for it.
        - Redness, swelling and bruises.
        - Small spots of blood.
        - A headache.

        ### Mesotherapy: less common or rare

        - A reaction to part of the mix, or to the numbing medicine; rarely, a severe one.
        - An infection, including slow-growing germs from products that were not clean; these
          can cause lumps that need weeks of antibiotics and may leave scars.
        - Patches of hair loss where the needles went in; in a few reported cases this scarred
          and the hair did not grow back.
        - With dutasteride or finasteride in the mix: a risk to a baby boy if a pregnant woman
          is exposed.

        ### To lower your risk

        - Choose a licensed clinic that uses new, single-use needles and kits. Ask exactly
          what it injects.
        - Tell the team about all your medicines, allergies and health problems.
        - Contact the clinic or a doctor if you get spreading redness, heat, pus, a fever,
          lumps or new bald patches.
        """),
    _section(130, "who-should-not-have-prp", "Who should not have PRP", """
        PRP is not safe for everyone. A clinic should ask you about the points below
        before you book.

        ### PRP should not be done if you

        - Are pregnant or breastfeeding.
        - Have an infection in your blood or body, or on your scalp where the needles
          would go.
        - Have a serious heart or blood pressure problem that is not stable.
        - Are allergic to the numbing medicine the clinic uses.

        ### Not until a doctor agrees, if you

        - Have a bleeding or clotting problem, such as platelets that do not work well,
          or a low platelet count.
        - Take a blood thinner, such as warfarin, apixaban, rivaroxaban, heparin or
          clopidogrel. **Never stop a blood thinner on your own.** Ask the doctor who
          prescribed it.

        ### Check with a doctor first if you

        - Take aspirin or painkillers such as ibuprofen. If you do not need them for a
          medical reason, clinics often ask you to pause them for 1 to 2 weeks. They can
          also make PRP work less well.
        - Take fish oil, vitamin E, ginkgo or garlic pills.
        - Have had cancer, mainly a blood or bone marrow cancer, or are being treated for
          cancer.
        - Have anaemia (a low blood count).
        - Smoke.
        - Have had a fever or an illness recently.
        - Took steroid tablets in the last 2 weeks, or had a steroid injection in the
          scalp in the last month. Scalp steroid injections treat alopecia areata and
          some scarring hair loss, so the cause of your hair loss should be known first.
        - Take medicines that weaken your body's defences.
        - Have diabetes that is not well controlled, serious liver or kidney disease, or
          an autoimmune disease. Some, such as lupus, can cause scarring hair loss.
        - Have ever had a severe allergic reaction.
        - Had hair loss, lumps or an infection after injections in the past.

        ### Get a diagnosis first if you

        - Are a woman with signs of too much male hormone, such as irregular periods, new
          facial hair or bad acne. A doctor should find the cause before any injection.
          See [when to see a doctor first](#see-a-doctor-first).

        ### PRP is usually not offered if you

        - Have scarring hair loss.
        - Have very advanced hair loss, with few follicles left.
        - Are under 18.

        Some PRP kit makers also list a thyroid problem. We found no trial or guideline
        that does, so ask the clinic why if it comes up.
        """),
    _section(140, "who-should-not-have-mesotherapy", "Who should not have mesotherapy", """
        Mesotherapy is not safe for everyone. A clinic should ask you about the points
        below before you book. There is no agreed list, so clinics differ.

        ### Mesotherapy should not be done if you

        - Are pregnant or breastfeeding.
        - Have an infection, a wound, a cold sore or a flare of a skin problem on your
          scalp.
        - Are allergic to any part of the mix, or to the numbing medicine.

        ### Not until a doctor agrees, if you

        - Have a bleeding or clotting problem, such as platelets that do not work well,
          or a low platelet count.
        - Take a blood thinner, such as warfarin, apixaban, rivaroxaban, heparin or
          clopidogrel. **Never stop a blood thinner on your own.** Ask the doctor who
          prescribed it.

        ### Check with a doctor first if you

        - Have cancer, or are being treated for cancer.
        - Have diabetes that is not well controlled.
        - Have an autoimmune disease, or take medicines that weaken your body's defences.
          Some, such as lupus, can cause scarring hair loss.
        - Have had steroid injections in the scalp. They treat alopecia areata and some
          scarring hair loss, so the cause of your hair loss should be known first.
        - Have serious heart, kidney or liver disease.
        - Have ever had a severe allergic reaction.
        - Had hair loss, lumps or an infection after injections in the past.

        ### If the mix has dutasteride or finasteride

        These are hormone-type medicines. They block a hormone, and they can harm a baby
        boy in the womb. In a mix they carry the same warnings as the tablets.

        - They should not be used if you are pregnant, or could become pregnant and do not
          use reliable birth control.
        - After dutasteride mesotherapy, avoid getting pregnant for 6 months.
        - If you want to avoid hormone-type medicines, or had side effects from
          finasteride, ask exactly what is in the mix.

        ### Get a diagnosis first if you

        - Are a woman with signs of too much male hormone, such as irregular periods, new
          facial hair or bad acne. A doctor should find the cause before any injection.
          See [when to see a doctor first](#see-a-doctor-first).

        ### Mesotherapy is usually not offered if you

        - Have scarring hair loss or alopecia areata.
        - Are under 18.

        Some clinic lists also name epilepsy. We found no good evidence for this, so ask
        the clinic why if it comes up.
        """),
    _section(150, "who-each-may-suit", "Who each option may suit", """
        There is no single best choice. What suits you depends on your diagnosis, your health
        and what matters most to you. The points below are things to talk about with a
        doctor. They are not advice to choose one option.

        ### A standard medicine may be worth discussing if

        - You want the option with the strongest evidence.
        - You are happy to use something every day at home.
        - You want a lower cost.

        ### A hair transplant may be worth discussing if

        - Your pattern hair loss has settled, and you have enough hair at the back.
        - You are ready for an operation and its cost.

        ### A device may be worth discussing if

        - You want something to add to minoxidil, and accept that the evidence is uncertain.

        ### PRP may be worth discussing if

        - A doctor has said you have early to moderate pattern hair loss.
        - You would rather nothing from outside your body is injected.
        - Minoxidil or finasteride did not help you, or you could not take them.
        - You can come back about once a month at first, then every few months.

        ### Mesotherapy may be worth discussing if

        - A doctor has said you have early pattern hair loss.
        - You do not want blood taken, or find blood tests hard.
        - You would take a hormone-type medicine (dutasteride) in the scalp rather than
          as a daily tablet, and a doctor agrees. It has the same warnings as the
          tablets.
        - You can come back often at first, in some cases every week or two.

        ### Watchful waiting may be worth discussing if

        - Your shedding is likely to be temporary.
        - Your hair loss is mild and does not bother you much.
        - You are not ready to decide, or want to see how things change.
        - You do not want the cost or the visits right now.

        Whatever you lean towards, check who should not have it. Each
        [option page](/compare/) says so, and so do
        [who should not have PRP](#who-should-not-have-prp) and
        [who should not have mesotherapy](#who-should-not-have-mesotherapy).
        """),
    _section(160, "combined-plans", "Combined plans", """
        Some clinics offer plans that mix treatments. For example:

        - **PRP with minoxidil or finasteride.** This is the best studied mix. In many PRP
          trials, people also used one of these medicines.
        - **PRP and mesotherapy together,** in turns or one after the other. Clinics do
          offer this. We found no good trials of this pair. So no one knows if it works
          better than either one alone.

        A combined plan means more visits, more cost and more chances of side effects. It
        also makes it harder to tell which part is helping.

        Questions to ask about a combined plan:

        - Why do you suggest a mix for me, and not one treatment?
        - What is the evidence for this mix?
        - How many visits will it take? What will the first year cost?
        - How will we tell if it is working? When will we stop if it is not?
        """),
    _section(170, "other-options", "Other options", """
        PRP and mesotherapy are not the only choices. Ask about these too. Each has its own
        page, with the same questions answered.

        ### Standard medicines

        - **[Minoxidil](/options/minoxidil/)** is a lotion or foam you put on your scalp every
          day. Guides for doctors name it as a first treatment for men and women. You can buy
          it from a chemist. It can cause an itchy or flaky scalp, unwanted hair where it
          drips, and extra shedding in the first weeks. Do not use it if you are pregnant or
          breastfeeding.
        - **Low-dose minoxidil tablets** are used "off-label" and need a prescription and
          check-ups. In a study of 1,404 people, about 15 in 100 had unwanted hair on the
          face or body. About 2 in 100 felt dizzy. About 1 in 100 had swollen ankles, and
          about 1 in 100 a fast heartbeat.
        - **[Finasteride](/options/finasteride-dutasteride/)** is a daily tablet for men. It
          needs a prescription. Some men get sexual side effects, which can last after they
          stop. Low mood, depression and thoughts of suicide are listed side effects: if your
          mood changes, stop it and see a doctor. A card in the pack explains this. Women who
          are or may become pregnant must not take it or touch broken tablets.
        - Finasteride can also cause less semen and a lower sperm count, which mostly gets
          better after stopping. It can make breasts tender or larger: report any lump. It
          lowers the PSA blood test for the prostate by about half. The skin spray has the
          same warnings.
        - **Dutasteride** works like finasteride and lowers the hormone even more. Both are
          hormone-type medicines. For hair it is "off-label". It carries the same warnings.
          Do not give blood until 6 months after the last dose.
        - These medicines work only while you use them. Neither works for everyone. They have
          the strongest evidence of all the options here.
        - Finasteride, minoxidil tablets and hair transplants are not usually used under 18.
          A specialist decides.
        - For women, doctors may suggest a hormone blocker such as spironolactone. This use is
          "off-label". It can harm a baby boy in the womb, so it needs reliable birth
          control. Some people need blood tests to check their potassium.

        ### Hair transplant

        In this [operation](/options/hair-transplant/), a surgeon moves hair roots from the
        back of the head to thin areas. It can suit settled pattern hair loss when there is
        enough hair at the back. It can look good, but it does not stop more hair being lost.
        Risks include pain, swelling, bleeding, infection, scars, shedding after surgery and
        patchy growth. You may still need a medicine to protect the rest of your hair. It
        costs a lot.

        ### Devices

        [Laser or light caps and needle rollers](/options/devices/) are also sold. Small
        trials show modest gains. The quality of the studies varies.

        ### Camouflage

        Hair fibres, hairpieces and wigs can make hair look fuller straight away. Some wigs are
        available on the NHS.

        ### Treating the cause

        Some hair loss has a cause, such as low iron, a thyroid problem or a crash diet. Then
        treating that cause is the treatment.

        ### Support

        Hair loss can affect how you feel. Talking to your GP, a counsellor or a support group
        can help.
        """),
    _section(180, "watchful-waiting", "Watchful waiting", """
        Choosing no treatment for now is a real option. It is not giving up.

        - Much hair loss needs no treatment. Temporary shedding usually settles by itself.
          Some thinning is a normal part of getting older.
        - Pattern hair loss gets worse slowly, over years. For most people, waiting a few
          months to decide does little harm.
        - PRP and mesotherapy both need many paid visits, and any gain fades when you
          stop.

        ### How to wait well

        - Take photos of your scalp in the same light every 3 months. Photos show change
          better than a mirror.
        - Note any triggers, such as an illness, stress, a diet or a new medicine.
        - Look after your general health. Ask your GP about a blood test if you feel tired
          or unwell.

        ### When to stop waiting

        See a doctor if any of the signs in [when to see a doctor first](#see-a-doctor-first)
        appear. Also see one if shedding goes on for more than 6 months, or if the loss
        gets worse fast.

        For most people the risk of waiting is small. The main risk is missing a cause
        that needs treatment. That is why the warning signs matter.
        """),
    _section(190, "preparing-for-your-appointment", "Preparing for your appointment", """
        A good talk with a dermatologist or doctor helps you make a choice that fits you.
        Our questionnaire can help you get ready. It makes a summary you can print or take
        with you.

        ### What to bring

        - A list of all your medicines, including vitamins and anything you buy yourself.
        - Any allergies, and any reactions to injections or numbing.
        - When your hair loss started, and anything that happened 2 to 4 months before.
        - Photos of your scalp over time, if you have them.
        - Results of any recent blood tests.
        - What you have tried already, for how long, and how it went.

        ### Questions to ask

        - What type of hair loss do I have? How sure are you?
        - What are my options, including doing nothing for now?
        - What are the good and bad points of each for me?
        - What does the research say, and how sure is it?
        - What exactly will you inject? Is it licensed for hair loss?
        - How many sessions, how often, and what is the total cost for the first year?
        - How will we know if it is working? When would we stop?
        - What side effects should I look out for, and who do I call?

        ### Are you ready to decide?

        Ask yourself these four questions:

        - Do you feel sure about the best choice for you?
        - Do you know the good and bad points of each option?
        - Are you clear about which of those points matter most to you?
        - Do you have enough support and advice to make a choice?

        If you answer "no" to any of them, you may not be ready yet. That is fine. Ask for
        more facts, more time, or a chance to talk it over with someone you trust.
        """),
    _section(200, "about-this-guide", "About this guide", """
        ### Who wrote it

        The hairtx project team wrote this guide. The writers are not doctors. We based it on
        published research, advice for patients from the NHS, and standards for decision aids.
        The [Sources](/sources/) page lists every source, with its year.

        ### Who has reviewed it

        **No clinician has reviewed this guide yet.** A skin doctor must review it before it
        is used in care. Until then, treat it as a draft to talk through with your doctor.

        The date the writers last checked it against the evidence is shown at the top of this
        guide. We plan to check it at least once a year, and sooner if a new safety warning
        comes out.

        ### Funding and interests

        No maker of drugs, devices or hair products paid for this guide or had a say in it.
        The clinic that uses this site offers PRP and mesotherapy, and is paid for them. Its
        declaration of interest is shown at the top of this guide.

        ### What this guide is not

        This guide does not diagnose hair loss or tell you which treatment to choose. It
        cannot replace a talk with a doctor. It aims to help you have that talk.

        ### How we keep it balanced

        We describe every option under the same headings and in the same detail. We put the
        standard treatments first. We include watchful waiting as a real option. We say
        plainly where the evidence is weak, and where no figure is known.

        [How this guide was made](/how-this-guide-was-made/) gives the full details.
        """),
]
