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
        as the main treatments; wigs and emotional support.
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
         "Kieling L et al. Systematic review and meta-analysis of randomised trials of "
         "PRP in androgenetic alopecia. An Bras Dermatol 2024;99(6):847.", """
        PRP added about 28 hairs per square centimetre over placebo (14 trials, 431
        people), with no change in hair thickness; low-certainty evidence.
        """),
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
        PRP in female pattern hair loss: results favour PRP, but methods were not
        standard and larger trials are needed.
        """, "https://doi.org/10.3389/fphar.2021.642980"),
    _ref(80, "gressenberger-2020", 2020,
         "Gressenberger P et al. Acta Derm Venereol 2020;100:adv00247.", """
        A placebo-controlled trial in 30 men that found no gain from PRP.
        """),
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
        Dutasteride mesotherapy in 541 people: pain in about 45 in 100; no serious side
        effects; often given every 3 months.
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
]
