"""The sources behind the guide: what each one supports, and when it was published.

Links are given only where a stable address (DOI, PubMed, PMC or an official page) is
known; an empty link is shown as the citation alone.
"""

from inspect import cleandoc


def _ref(order, slug, year, citation, supports, url=""):
    return {"order": order, "slug": slug, "year": year, "citation": citation,
            "supports": cleandoc(supports), "url": url}


REFERENCES = [
    _ref(10, "nhs-hair-loss", None, "NHS. Hair loss. nhs.uk.", """
        Normal shedding of 50 to 100 hairs a day; when to see a GP; see a GP before a
        private hair clinic; most treatments are not on the NHS; minoxidil and finasteride
        as the main treatments; no treatment is 100% effective; women should not use
        finasteride; wigs and emotional support.
        """, "https://www.nhs.uk/conditions/hair-loss/"),
    _ref(20, "kanti-2018", 2018,
         "Kanti V et al. Evidence-based (S3) guideline for the treatment of androgenetic "
         "alopecia in women and in men, short version. J Eur Acad Dermatol Venereol "
         "2018;32:11.", """
        Minoxidil (men and women) and finasteride (men) are the recommended first
        treatments for pattern hair loss.
        """),
    _ref(30, "blumeyer-2011", 2011,
         "Blumeyer A et al. Evidence-based (S3) guideline for the treatment of "
         "androgenetic alopecia in women and in men. J Dtsch Dermatol Ges 2011;9 Suppl 6.",
         """
        How common pattern hair loss is; how follicles shrink over time.
        """),
    _ref(40, "kieling-2024", 2024,
         "Kieling L et al. Is autologous platelet-rich plasma capable of increasing hair "
         "density in patients with androgenic alopecia? A systematic review and "
         "meta-analysis of randomized clinical trials. An Bras Dermatol "
         "2024;99(6):847-862.", """
        PRP added about 28 hairs per square centimetre over placebo (95% confidence
        interval about 14 to 41; 14 trials, 431 people), with results very different
        between trials; no clear change in hair thickness (interval −0.85 to 4.88 µm);
        low-certainty evidence (GRADE).
        """, "https://clinics.elsevier.es/en-is-autologous-platelet-rich-plasma-capable-"
             "articulo-S0365059624001363"),
    _ref(50, "giordano-2018", 2018, "Giordano S et al. Int J Trichology 2018;10(1):1.", """
        A meta-analysis of 7 studies (194 people) found a modest gain in hair density with
        PRP.
        """),
    _ref(60, "facial-plast-surg-2018", 2018,
         "Platelet-rich plasma for androgenetic alopecia: a systematic review. Facial "
         "Plast Surg 2018.", """
        21 of 24 studies reported improvement; side effects were short-lived pain,
        swelling, redness and headache; most used 3 or more sessions weeks apart.
        """, "https://doi.org/10.1055/s-0038-1660845"),
    _ref(70, "zhou-2021", 2021, "Zhou S et al. Front Pharmacol 2021;12:642980.", """
        PRP in female pattern hair loss: the reported interval includes "no
        difference", so the result is uncertain; methods were not standard and larger
        trials are needed.
        """, "https://doi.org/10.3389/fphar.2021.642980"),
    _ref(80, "gressenberger-2020", 2020,
         "Gressenberger P et al. Platelet-rich plasma for androgenetic alopecia "
         "treatment: a randomized placebo-controlled pilot study. Acta Derm Venereol "
         "2020;100:adv00247.", """
        A placebo-controlled trial in 30 men that found no gain from PRP.
        """, "https://doi.org/10.2340/00015555-3609"),
    _ref(90, "medicina-2021", 2021,
         "Review of PRP in female pattern hair loss (8 studies). Medicina (Kaunas) 2021.", """
        PRP was well tolerated in women; it may be considered when minoxidil does not help
        or does not suit.
        """, "https://pmc.ncbi.nlm.nih.gov/articles/PMC8066895/"),
    _ref(100, "legiawati-2023", 2023,
         "Legiawati L et al. J Clin Aesthet Dermatol 2023;16(12):39.", """
        There is no standard way to prepare PRP (single or double spin).
        """),
    _ref(110, "trink-2013", 2013, "Trink A et al. Br J Dermatol 2013.", """
        In alopecia areata, PRP and steroid injections both did better than placebo.
        """),
    _ref(120, "meznerics-2022", 2022, "Meznerics FA et al. Biomedicines 2022;10:1829.", """
        In alopecia areata, PRP and steroid injections gave similar results (4 trials).
        """),
    _ref(130, "mesotherapy-review-2023", 2023,
         "Systematic review of mesotherapy for hair loss. J Dermatolog Treat "
         "2023;34(1):2245084.", """
        27 studies of mesotherapy for hair loss: some gains, no standard method, side
        effects reported, larger trials needed; what goes into the mixtures.
        """, "https://doi.org/10.1080/09546634.2023.2245084"),
    _ref(140, "marzban-2017", 2017,
         "Marzban S et al. Health Tech Assess Action 2017;1(2):e14078.", """
        A review of mesotherapy for pattern hair loss found poor-quality studies.
        """),
    _ref(150, "gajjar-2019", 2019, "Gajjar PC et al. Int J Trichology 2019;11:58.", """
        In 49 men, a vitamin mix with needling did no better than minoxidil lotion on hair
        counts.
        """),
    _ref(160, "saceda-corralo-2022", 2022,
         "Saceda-Corralo D et al. J Drugs Dermatol 2022;21(7):742.", """
        Dutasteride mesotherapy in 541 people: pain was the most common side effect; no
        serious side effects; often given every 3 months.
        """),
    _ref(170, "duque-estrada-2009", 2009,
         "Duque-Estrada B et al. Alopecia secondary to mesotherapy. J Am Acad Dermatol "
         "2009;61:707.", """
        Patches of hair loss after mesotherapy injections, in one case with a scar.
        """),
    _ref(180, "jcd-2017", 2017,
         "Hair loss at injection sites of mesotherapy for alopecia. J Cosmet Dermatol "
         "2017.", """
        Late scarring hair loss where mesotherapy needles went in.
        """, "https://doi.org/10.1111/jocd.12320"),
    _ref(190, "singsing-2022", 2022, "Singsing ME et al. Int J Womens Dermatol 2022.", """
        Infections with slow-growing mycobacteria after mesotherapy, often needing weeks
        of antibiotics and leaving scars.
        """),
    _ref(200, "plachouri-2019", 2019,
         "Plachouri KM, Georgiou S. Mesotherapy: safety profile and management of "
         "complications. J Cosmet Dermatol 2019.", """
        The side effects and complications of mesotherapy.
        """),
    _ref(210, "aledani-2024", 2024, "Aledani EM et al. Cureus 2024.", """
        A review of mesotherapy compared with minoxidil: mostly favourable, with some
        uncommon side effects.
        """, "https://doi.org/10.7759/cureus.59705"),
    _ref(220, "legare-2010", 2010,
         "Légaré F et al. Are you SURE? Can Fam Physician 2010;56:e308.", """
        The four "are you ready to decide?" questions.
        """, "https://pubmed.ncbi.nlm.nih.gov/20705870/"),
    _ref(230, "elwyn-2006", 2006,
         "Elwyn G et al. Developing a quality criteria framework for patient decision "
         "aids. BMJ 2006;333:417.", """
        How this guide is built: all options including doing nothing, benefits and harms
        in equal detail, sources and review dates.
        """),
    _ref(240, "nice-ng197", 2021, "NICE. Shared decision making (NG197). 2021.", """
        Decision aids support, and do not replace, a talk with a clinician; talk about
        risks in the context of the person's life.
        """, "https://www.nice.org.uk/guidance/ng197"),
    _ref(250, "mhra-finasteride-2024", 2024,
         "MHRA. Men on finasteride asked to stay vigilant for possible psychiatric and "
         "sexual side effects (press release and patient alert card). 2024.", """
        Finasteride can cause low mood, depression, suicidal thoughts and sexual side
        effects that may last after stopping; stop finasteride 1 mg and see a doctor if
        mood changes; a patient alert card goes in every pack.
        """, "https://www.gov.uk/government/news/men-on-finasteride-asked-to-stay-"
             "vigilant-for-possible-psychiatric-and-sexual-side-effects"),
    _ref(260, "ema-finasteride-2025", 2025,
         "European Medicines Agency. Finasteride- and dutasteride-containing medicinal "
         "products: referral (PRAC review). 2025.", """
        Suicidal thoughts confirmed as a side effect of finasteride tablets, frequency
        unknown; no direct link found for dutasteride, which carries the same warnings
        as a precaution; the review covered tablets and the finasteride scalp spray; a
        patient card in packs of finasteride 1 mg; finasteride 1 mg is for men aged 18
        to 41.
        """, "https://www.ema.europa.eu/en/medicines/human/referrals/"
             "finasteride-dutasteride-containing-medicinal-products"),
    _ref(270, "finasteride-5-year-2002", 2002,
         "The Finasteride Male Pattern Hair Loss Study Group. Long-term (5-year) "
         "multinational experience with finasteride 1 mg in the treatment of men with "
         "androgenetic alopecia. Eur J Dermatol 2002.", """
        Over five years, men taking finasteride kept more hair than men on placebo, who
        went on losing hair.
        """, "https://pubmed.ncbi.nlm.nih.gov/11809594/"),
    _ref(272, "kaufman-1998", 1998,
         "Kaufman KD et al. Finasteride in the treatment of men with androgenetic "
         "alopecia. J Am Acad Dermatol 1998;39(4 Pt 1):578-589.", """
        Two 1-year trials in 1,553 men aged 18 to 41 with loss on the crown, with a second
        blinded year: after 2 years an expert panel saw more hair in the photos of 66 in
        100 men on finasteride 1 mg and 7 in 100 on placebo. Run by the maker.
        """, "https://doi.org/10.1016/S0190-9622(98)70007-6"),
    _ref(275, "devillez-1994", 1994,
         "DeVillez RL et al. Androgenetic alopecia in the female: treatment with 2% "
         "topical minoxidil solution. Arch Dermatol 1994;130(3):303-307.", """
        32-week trial in 308 women: investigators saw moderate new growth in 13 in 100 and
        minimal growth in 50 in 100 on 2% minoxidil, against 6 and 33 in 100 on placebo.
        Run with the maker.
        """, "https://doi.org/10.1001/archderm.1994.01690030035005"),
    _ref(280, "vano-galvan-2021", 2021,
         "Vañó-Galván S et al. Safety of low-dose oral minoxidil for hair loss: a "
         "multicenter study of 1404 patients. J Am Acad Dermatol 2021.", """
        Low-dose minoxidil tablets in 1,404 people: unwanted hair growth in 15.1 in 100
        (the most common side effect); light-headedness in 1.7 in 100, fluid build-up
        (ankle swelling) in 1.3 in 100, a fast heartbeat in 0.9 in 100; 1.7 in 100
        stopped because of side effects.
        """, "https://pubmed.ncbi.nlm.nih.gov/33639244/"),
    _ref(281, "overstreet-1999", 1999,
         "Overstreet JW et al. Chronic treatment with finasteride daily does not affect "
         "spermatogenesis or semen production in young men. J Urol 1999;162(4):1295.", """
        Finasteride 5 mg lowers the PSA blood test by about half; at 1 mg in young men
        PSA fell a little, and semen volume fell slightly, both going back after
        stopping.
        """, "https://pubmed.ncbi.nlm.nih.gov/10492183/"),
    _ref(282, "mhra-finasteride-breast-2009", 2009,
         "MHRA. The risk of male breast cancer with finasteride: public assessment "
         "report. 2009.", """
        Breast enlargement and tenderness are known side effects of finasteride; men
        should report any breast change, such as a lump, pain or fluid from the nipple.
        """),
    _ref(284, "samplaski-2013", 2013,
         "Samplaski MK et al. Finasteride use in the male infertility population: effects "
         "on semen and hormone parameters. Fertil Steril 2013.", """
        Finasteride, even at 1 mg, may lower sperm counts in some men; counts rose in
        most men after they stopped; men who want children should discuss it.
        """, "https://doi.org/10.1016/j.fertnstert.2013.07.2000"),
    _ref(286, "dutasteride-label", None,
         "Dutasteride capsules: prescribing information. DailyMed.", """
        Dutasteride is a 5-alpha-reductase medicine like finasteride: women who are or
        may be pregnant must not handle it (it is absorbed through the skin); men should
        not give blood until 6 months after the last dose; it can lower semen volume and
        sperm count, lowers the PSA test by about half, and can cause breast changes and
        sexual side effects.
        """, "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid="
             "85023ea5-af64-4b91-e053-2991aa0a3373"),
    _ref(288, "bad-spironolactone", None,
         "British Association of Dermatologists. Spironolactone (patient information "
         "leaflet). skinhealthinfo.org.uk.", """
        Spironolactone is used off-label by dermatologists for female pattern hair loss;
        it must not be taken in pregnancy (reliable contraception is needed); some people
        need blood tests, including potassium.
        """, "https://www.skinhealthinfo.org.uk/condition/spironolactone"),
    _ref(290, "cdc-mmwr-2024", 2024,
         "Stadelman-Behar AM et al. Investigation of presumptive HIV transmission "
         "associated with receipt of platelet-rich plasma microneedling facials at a spa. "
         "MMWR 2024;73(16):372.", """
        HIV infections linked to PRP microneedling facials at an unlicensed spa that
        reused single-use equipment: PRP and needling need single-use equipment and a
        licensed provider.
        """, "https://www.cdc.gov/mmwr/volumes/73/wr/mm7316a3.htm"),
    _ref(300, "jccp-hair-restoration", None,
         "Joint Council for Cosmetic Practitioners. Hair restoration surgery (treatment "
         "guide).", """
        Hair transplant is surgery, usually under local anaesthetic, by a licensed
        doctor in a CQC-registered clinic; strip or one-by-one harvesting and their
        scars; risks include bleeding, infection, pain, scarring and skin necrosis.
        """, "https://jccpandme.org.uk/treatment-guides/hair-restoration-surgery"),
    _ref(310, "dtsch-arztebl-hair-loss", None,
         "Review of hair loss treatments with an evidence table. Dtsch Arztebl Int "
         "(PMC4908932).", """
        Minoxidil and finasteride at the highest evidence level; hair transplant at a
        low level (expert opinion and case series), good for appearance but does not
        stop progression.
        """, "https://pmc.ncbi.nlm.nih.gov/articles/PMC4908932/"),
    _ref(320, "lueangarun-2021", 2021,
         "Lueangarun S et al. A systematic review and meta-analysis of randomized "
         "controlled trials of FDA-approved, home-use, low-level light/laser therapy "
         "devices for pattern hair loss. J Clin Aesthet Dermatol 2021;14(11):E64.", """
        Seven small double-blind trials: more hair with home laser or light devices
        than with sham devices (given as a standardised score).
        """, "https://pmc.ncbi.nlm.nih.gov/articles/PMC8675345/"),
    _ref(330, "ahmed-2025", 2025,
         "Ahmed KMA et al. Combined microneedling therapy versus topical minoxidil in "
         "androgenetic alopecia: a systematic review and meta-analysis. Arch Dermatol Res "
         "2025;317:528.", """
        Twelve trials, 631 people: microneedling with minoxidil gave more hairs than
        minoxidil alone, with results very different between trials; more side effects,
        mostly mild.
        """, "https://doi.org/10.1007/s00403-025-04032-1"),
    _ref(340, "stacey-volk-2021", 2021,
         "Stacey D, Volk RJ. The International Patient Decision Aid Standards (IPDAS) "
         "Collaboration: evidence update 2.0. Med Decis Making 2021;41(7):729.", """
        What a decision aid must contain, and how this guide's methods page and
        checklist are set out.
        """, "https://pmc.ncbi.nlm.nih.gov/articles/PMC8474333/"),
]
