"""The option profiles: every choice a patient has, with the same questions answered.

Standard treatments come first, the two injections after them, watchful waiting last.
Each profile fills every field in `OptionProfile.PROFILE_FIELDS`, in the same depth.
A number appears only where a cited source gives it (see references.py); where no
"out of 100" figure is known, the text says so.
"""

from inspect import cleandoc


def _option(order: int, slug: str, name: str, summary: str, **fields: str) -> dict:
    return {"order": order, "slug": slug, "name": name, "summary": summary,
            **{key: cleandoc(value) for key, value in fields.items()}}


OPTIONS = [
    _option(
        10, "minoxidil", "Minoxidil (lotion, foam or tablets)",
        "A medicine that can help hair grow. You use it every day at home.",
        what_it_is="""
            Minoxidil is a medicine for pattern hair loss. It comes as a lotion or foam
            that you put on your scalp. Guides for doctors name it as a first choice for
            men and women.

            Some skin doctors also use low-dose minoxidil tablets. This is "off-label".
            That means the tablets are licensed for another use, not for hair.
            """,
        how_it_is_done="""
            - **Lotion or foam:** you put it on a dry scalp at home, as the leaflet says.
              You can buy it from a chemist.
            - **Tablets:** you take them by mouth. You need a doctor's prescription and
              check-ups.
            """,
        how_often_and_how_long="""
            - Every day, for as long as you want to keep any gain.
            - It takes months to show. Doctors often judge it after 4 to 6 months.
            """,
        what_studies_show="""
            - **How well it works:** the lotion has some of the strongest evidence of any
              option here. Guides for doctors rate it as a first choice. It does not work
              for everyone.
            - **Out of 100:** a 1994 trial counted this for the 2% lotion in 308 women
              with pattern hair loss. After 8 months, doctors checked who had new hair.
            - **Tablets:** a 2021 study of 1,404 people looked at side effects, not at
              how well they work. This guide has no figure for how well the tablets work.

            Women who used the 2% lotion for 8 months:

            [icon-array 63 of 100 women had at least a little new hair]

            Women who used a dummy lotion for 8 months, in the same trial:

            [icon-array 39 of 100 women had at least a little new hair]

            So about 24 more women out of 100 had new hair with the lotion. For most, the
            new hair was slight. It was more than slight for 13 out of 100 on the lotion
            and 6 out of 100 on the dummy. How sure is this? Fairly sure for women, but it
            is one old trial and the maker helped to run it. This guide has no such figure
            for men.
            """,
        common_harms="""
            - **Lotion or foam:** an itchy or flaky scalp. Unwanted hair where it drips,
              such as on the forehead.
            - **More shedding in the first weeks.** This is common and usually passes.
            - **Tablets:** unwanted hair on the face or body. About 15 in 100 people had
              it in the 2021 study. It was the most common side effect.
            """,
        rare_harms="""
            With tablets, in the 2021 study of 1,404 people:

            [icon-array about 2 of 100 people felt light-headed or dizzy]

            - About 1 in 100 had swollen ankles or other fluid build-up.
            - About 1 in 100 had a fast heartbeat.
            - About 2 in 100 stopped the tablets because of side effects.

            See a doctor if you feel faint, your heart races, or your ankles swell.
            """,
        who_should_not_have_it="""
            - People who are pregnant or breastfeeding.
            - **Tablets:** only with a doctor's prescription. Tell the doctor about any
              heart or blood pressure problem.
            - **Under 18:** the tablets are not usually used. A specialist decides.
            """,
        cost_and_time="""
            - **Lotion or foam:** you buy it. It usually costs less each month than
              clinic sessions. It takes a few minutes a day.
            - **Tablets:** a private prescription, plus check-ups.
            - Most hair loss treatments are not on the NHS.
            """,
        when_you_stop="""
            It works only while you use it. If you stop, any hair it helped to grow is
            lost over the next months. Hair loss then goes on as before.
            """,
    ),
    _option(
        20, "finasteride-dutasteride", "Finasteride and dutasteride tablets",
        "Daily tablets that lower a hormone linked to pattern hair loss in men.",
        what_it_is="""
            Finasteride is a tablet for men with pattern hair loss. It lowers a hormone
            called DHT, which shrinks hair roots. Guides for doctors name it as a first
            choice for men.

            Finasteride also comes as a spray for the scalp. Less of it reaches the
            blood, but the spray has the same warnings about pregnancy and sexual side
            effects.

            Dutasteride works in the same way, and it lowers DHT even more. For hair loss
            it is used "off-label". It comes as a tablet, or in some mesotherapy mixes.
            Both are hormone-type medicines, with the same warnings wherever they are
            used.

            Women should not take finasteride.
            """,
        how_it_is_done="""
            - You take one tablet a day at home.
            - You need a prescription from a doctor.
            - Before you start, tell the doctor if you have ever had depression or
              thoughts of suicide.
            """,
        how_often_and_how_long="""
            - Every day, for as long as you want to keep any gain.
            - It takes months to see a change.
            """,
        what_studies_show="""
            - **How well it works:** finasteride has some of the strongest evidence of any
              option here. In large trials that lasted up to 5 years, men on finasteride
              kept more hair. Men on a dummy tablet kept losing hair.
            - **Out of 100:** two large trials in 1998 counted this. They had 1,553 men
              aged 18 to 41 with hair loss on the crown. After 2 years, experts who did not
              know who took what compared photos of each man's hair.
            - **Dutasteride:** this guide has no figure for how well it works for hair.

            Men who took finasteride for 2 years:

            [icon-array 66 of 100 men had more hair in their photos]

            Men who took a dummy tablet for 2 years, in the same trials:

            [icon-array 7 of 100 men had more hair in their photos]

            How sure is this? Quite sure: the trials were large and well run. But the maker
            paid for them, and the men were young, with loss on the crown. Results for
            older men, or for a receding hairline, may differ.
            """,
        common_harms="""
            - **Sexual side effects** in some men: low sex drive and problems getting an
              erection. For some men these last after they stop.
            - **Less semen,** and in some men a lower sperm count. This mostly gets
              better after stopping. If you are trying for a baby, ask a doctor first.
            - **A lower PSA result.** PSA is a blood test that checks the prostate.
              Finasteride and dutasteride lower the result by about half. Tell any doctor
              who checks your PSA that you take one.
            """,
        rare_harms="""
            - **Low mood, depression and thoughts of suicide** are listed side effects of
              finasteride. No one knows how often they happen.
            - If your mood changes, stop finasteride and see a doctor straight away.
            - A card in the pack now explains these risks (UK 2024, EU 2025). Show it to
              your family, as they may notice changes first.
            - An EU review in 2025 found no direct link with dutasteride. It carries the
              same kind of warning, to be safe.
            - **Breast changes:** tender or larger breasts. Tell a doctor about any lump,
              pain or fluid from the nipple.
            """,
        who_should_not_have_it="""
            - Women who are or may become pregnant. They must not take it, or touch
              crushed or broken tablets. It can harm a baby boy in the womb.
            - Women in general should not take finasteride.
            - Finasteride 1 mg is licensed for men aged 18 to 41. It is not usually used
              under 18. A specialist decides.
            - Men with a past of depression should talk to a doctor first.
            - Men trying for a baby should talk to a doctor first.
            - **Dutasteride:** do not give blood while you take it, or for 6 months
              after the last dose. The blood could reach a pregnant woman.
            """,
        cost_and_time="""
            - It needs a private prescription. It is not usually on the NHS for hair
              loss.
            - It takes a moment each day, plus visits to your doctor.
            """,
        when_you_stop="""
            It works only while you take it. If you stop, the hair you kept is lost over
            time. For some men, sexual side effects last after they stop.
            """,
    ),
    _option(
        30, "hair-transplant", "Hair transplant",
        "An operation that moves hair roots from the back of the head to thin areas.",
        what_it_is="""
            A surgeon takes hair roots from the back or sides of your head. The surgeon
            then puts them into the thin areas.

            It can suit pattern hair loss that has settled, when there is enough hair at
            the back. It does not stop more hair being lost.
            """,
        how_it_is_done="""
            - It is an operation, usually with a numbing injection, while you are awake.
            - Roots are taken one by one, which leaves tiny dot scars. Or a strip of skin
              is taken, which leaves a line scar.
            - In the UK, a licensed doctor should do it, in a clinic that is registered
              with the Care Quality Commission (CQC).
            """,
        how_often_and_how_long="""
            - Usually one operation. Some people have a second one later.
            - The moved hairs often fall out at first. New hair then takes months to
              grow.
            - Many people also use a medicine to protect the hair that was not moved.
            """,
        what_studies_show="""
            - **How well it works:** it can give a good look. But the evidence is of a
              lower level. It comes from case reports and experts, not from trials that
              compare it with other options.
            - **Out of 100:** no figure is known for how many people are pleased, or how
              many roots grow.
            """,
        common_harms="""
            - Pain and swelling after the operation.
            - Bleeding and scabs.
            - The moved hair sheds for a while before it grows back.
            - Time off work to heal.
            """,
        rare_harms="""
            - An infection.
            - Scars that show.
            - Patchy or poor growth.
            - Skin damage where the roots were put in.
            - Distress if the result does not look as you hoped.
            """,
        who_should_not_have_it="""
            - People whose hair loss is still changing fast, mainly young men. Future loss
              can leave an odd look.
            - People without enough hair at the back.
            - People whose hair loss has not been diagnosed. Some types need other care
              first.
            """,
        cost_and_time="""
            - It costs a lot, and you pay privately.
            - It takes a day in the clinic, then time to heal.
            """,
        when_you_stop="""
            There is nothing to stop after the operation. But the hair that was not moved
            can keep thinning. That is why doctors often advise a medicine as well.
            """,
    ),
    _option(
        40, "devices", "Devices: laser caps and needle rollers",
        "A light device you use at home, or tiny needles rolled over the scalp.",
        what_it_is="""
            Two kinds of device are sold for pattern hair loss:

            - **Low-level laser or light.** A comb, cap or helmet shines red light on the
              scalp. The idea is that the light may help hair roots.
            - **Microneedling.** A roller or pen with tiny needles makes small pricks in
              the scalp. It is often used with minoxidil lotion.
            """,
        how_it_is_done="""
            - **Laser or light:** you use it at home, as the maker says.
            - **Microneedling:** at a clinic, or at home with a roller or pen. Needles
              must be clean and not shared.
            """,
        how_often_and_how_long="""
            - **Laser or light:** as the maker says, usually for months.
            - **Microneedling:** schedules differ between clinics and studies. Ask how
              often, and for how long. It is used as well as minoxidil.
            """,
        what_studies_show="""
            - **Laser or light:** a 2021 review of 7 small trials found more hair than
              with a dummy device. The gain was given as a score, not as a number of
              hairs. The quality of trials varies.
            - **Microneedling with minoxidil:** a 2025 review of 12 trials with 631 people
              found more hairs than with minoxidil alone. Results differed a lot between
              trials, so the true size of the gain is uncertain.
            - **Out of 100:** no such figure is known for either device.
            """,
        common_harms="""
            - **Microneedling:** soreness, redness and small spots of blood. In trials,
              side effects were more common than with minoxidil alone, but mild.
            - **Laser or light:** the review we used did not report side effects in
              detail.
            """,
        rare_harms="""
            - **Microneedling:** an infection, if needles are dirty or shared. In 2024, US
              health officials linked HIV infections to needling facials at an
              unlicensed spa that reused equipment.
            - **Laser or light:** no serious harms are known to us. Little is known about
              use over many years.
            """,
        who_should_not_have_it="""
            - People with a sore, broken or infected scalp.
            - Ask a doctor first about microneedling if you have a bleeding problem or
              take a blood thinner.
            """,
        cost_and_time="""
            - **Laser or light:** you buy the device. Some cost a lot.
            - **Microneedling:** you pay per clinic visit, or buy a roller or pen.
            - Neither is on the NHS.
            """,
        when_you_stop="""
            No good study says what happens. With most hair loss treatments, any gain
            fades when you stop.
            """,
    ),
    _option(
        50, "prp", "PRP (platelet-rich plasma)",
        "Your own blood is spun to concentrate the platelets, then injected into the "
        "scalp.",
        what_it_is="""
            Platelets are tiny cells in your blood that help wounds heal. They release
            growth factors. The idea is that a rich dose of them in the scalp may help
            weak hair roots grow thicker hair. No one fully knows how it works.

            No PRP product is licensed for hair loss. Using it for hair is
            "off-label".
            """,
        how_it_is_done="""
            - Blood is taken from your arm.
            - It is spun in a machine for about 10 minutes.
            - The part with the most platelets is injected into thin areas of the scalp,
              with many small pricks.
            - Many clinics use a numbing cream or injection.
            - It must be made with single-use kits and needles, by a licensed provider.
            """,
        how_often_and_how_long="""
            - First course: usually 3 sessions, 4 to 6 weeks apart.
            - Top-ups: often every 3 to 6 months.
            - A visit often takes 45 to 60 minutes.
            - A change may show after 2 to 3 months. Judge it at about 6 months.
            """,
        what_studies_show="""
            - **Hair count:** a 2024 review of 14 small trials found about 28 more hairs
              per square centimetre than a dummy injection, on average. The likely range
              is about 14 to 41.
            - **How sure:** low certainty. Results differed a lot between trials.
            - **Hair thickness:** no clear change.
            - **Women:** a 2021 review found the result uncertain.
            - One trial in 30 men found no gain at all.
            - **Out of 100:** no figure is known for how many people it helps.
            """,
        common_harms="""
            - Pain during the pricks. This is the most common side effect. No study we
              found says how many out of 100 have it.
            - A sore, tender or swollen scalp, and redness.
            - Bruises on the scalp or where blood was taken.
            - A headache after the session.
            - More shedding for a short time, and itching.
            """,
        rare_harms="""
            - An infection where the needles went in.
            - Fainting when blood is taken.
            - A reaction to the numbing medicine, or to other things added.
            - Blood-borne infections, such as HIV, if kits or needles are reused. In
              2024, US health officials linked HIV to PRP facials at an unlicensed spa.
            """,
        who_should_not_have_it="""
            - People who are pregnant or breastfeeding.
            - People with an infection in the body or on the scalp.
            - People allergic to the numbing medicine.
            - **Not until a doctor agrees:** people with a bleeding or clotting problem,
              or a low platelet count, and people who take a blood thinner. Never stop a
              blood thinner on your own.
            - Check with a doctor first if you have had cancer, smoke, or recently took
              steroids.
            - Women with signs of too much male hormone should get a diagnosis first.
            """,
        cost_and_time="""
            - You pay for each session, plus top-ups. It is not on the NHS.
            - Each visit takes about an hour, and there are many visits.
            """,
        when_you_stop="""
            Any gain fades after you stop. Most people need top-ups to keep it.
            """,
    ),
    _option(
        60, "mesotherapy", "Mesotherapy",
        "A ready-made mix is put into the scalp with many small pricks. It may hold "
        "vitamins or a drug.",
        what_it_is="""
            Many tiny pricks put a small dose of a mixture into the middle layer of the
            scalp skin. The idea is to feed the hair roots, or to give a medicine right
            where hair grows. No one fully knows how well this works.

            No mesotherapy mix is licensed as a medicine for hair loss. Medicines in the
            mix are used "off-label".
            """,
        how_it_is_done="""
            - No blood is taken.
            - The mix differs by clinic and brand. It may hold vitamins, minerals, amino
              acids or hyaluronic acid.
            - Some mixes hold a medicine, such as minoxidil or dutasteride. Dutasteride is
              a hormone-type medicine, with the same warnings as the tablets.
            - It goes in by hand, with an injector gun, or with a needle roller.
            - Many clinics use a numbing cream.
            """,
        how_often_and_how_long="""
            - First course with a vitamin mix: often every 1 to 2 weeks, for 4 to 10
              sessions.
            - Top-ups: often monthly or less. Mixes with dutasteride are often given every
              3 months.
            - A visit often takes 15 to 30 minutes.
            - The time to see a change varies, from weeks to months.
            """,
        what_studies_show="""
            - **Hair count:** no pooled figure exists. Trials are few and small, and every
              mix differs.
            - **How sure:** low certainty. Reviews rate the studies as poor in quality.
            - Mixes with dutasteride have the most data. In small trials, more people
              improved than with salt water.
            - In one trial of 49 men, a vitamin mix did no better than minoxidil lotion
              on hair counts.
            - **Out of 100:** no figure is known for how many people it helps.
            """,
        common_harms="""
            - Pain during the pricks. This is the most common side effect. No study we
              found gives a fair "out of 100" figure for it.
            - Redness, swelling and bruises.
            - Small spots of blood.
            - A headache.
            """,
        rare_harms="""
            - An allergic reaction to part of the mix, or to the numbing medicine.
              Rarely, a severe one.
            - An infection that causes lumps, from products that were not clean. It can
              need weeks of antibiotics and leave scars.
            - Patches of hair loss where the needles went in. In a few cases this scarred
              and the hair did not grow back.
            - With dutasteride or finasteride in the mix: harm to a baby boy if a
              pregnant woman is exposed.
            """,
        who_should_not_have_it="""
            - People who are pregnant or breastfeeding.
            - People with an infection, wound or skin flare on the scalp.
            - People allergic to any part of the mix, or to the numbing medicine.
            - **Not until a doctor agrees:** people with a bleeding or clotting problem,
              or a low platelet count, and people who take a blood thinner. Never stop a
              blood thinner on your own.
            - Check with a doctor first if you have had cancer, or could become pregnant
              and the mix holds dutasteride or finasteride.
            - Women with signs of too much male hormone should get a diagnosis first.
            """,
        cost_and_time="""
            - You pay for each session, plus top-ups. It is not on the NHS.
            - Each visit is shorter than for PRP, but there may be more visits.
            """,
        when_you_stop="""
            Any gain fades after you stop. Most people need top-ups to keep it.
            """,
    ),
    _option(
        70, "watchful-waiting", "Watchful waiting",
        "No treatment for now. You keep an eye on your hair and decide later.",
        what_it_is="""
            Choosing no treatment for now is a real option. It is not giving up. Much
            hair loss needs no treatment. Shedding after a shock to the body usually
            settles by itself. Some thinning is a normal part of getting older.

            The NHS advises that you see a GP first, to find the cause.
            """,
        how_it_is_done="""
            - Take photos of your scalp in the same light every 3 months.
            - Note any triggers, such as an illness, stress, a diet or a new medicine.
            - Ask your GP about a blood test if you feel tired or unwell.
            """,
        how_often_and_how_long="""
            - For as long as you like. You can start a treatment at any time.
            - Look again at your photos every few months.
            """,
        what_studies_show="""
            - **Temporary shedding:** usually stops within about 4 to 7 months after the
              trigger has passed.
            - **Pattern hair loss:** gets worse slowly, over years. In finasteride trials,
              men on a dummy tablet kept losing hair.
            - **Out of 100:** no figure is known for how fast it changes for one person.
            """,
        common_harms="""
            - Pattern hair loss may slowly get worse while you wait.
            - Some people feel worried or low about their hair.
            """,
        rare_harms="""
            - Missing a cause that needs treatment, if warning signs are ignored. See
              [when to see a doctor first](/guide/#see-a-doctor-first).
            """,
        who_should_not_have_it="""
            - Anyone with warning signs should see a doctor first, not wait.
            - If your hair loss upsets you a lot, talk to a GP. Support can help.
            """,
        cost_and_time="""
            - It costs nothing.
            - It takes a few minutes every few months for photos.
            """,
        when_you_stop="""
            You can stop waiting and choose a treatment at any time. Treatments work best
            while hair roots are still there, so do not wait for years without a check.
            """,
    ),
]
