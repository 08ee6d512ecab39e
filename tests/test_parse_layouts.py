"""Articles laid out as other outlets lay them out: every field written by hand.

The texts in ``tests/data/layouts/`` were written for these tests (none is a copy of a real
article); each shows furniture, attribution or a date line as some outlet prints it.  The
expected fields below are read off the texts and the layout rules in ``docs/layout.md``,
never produced by the parser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews import Article, Caption
from helpers import PERTURBATIONS, assert_no_line_lost, same_fields

LAYOUTS = Path(__file__).parent / "data" / "layouts"
UTC = dt.timedelta(0)

# Per file: the fields it must give.  ``sections`` is a tuple of (heading, paragraphs);
# ``hijri`` is (year, month, day) of the Hijri date the text states, or None; every key left
# out of an entry must be empty (None or ()).
EXPECTED: dict[str, dict[str, Any]] = {
    "01_iso_offset": {
        "title": "الحكومة تصادق على مشروع قانون المالية الجديد",
        "date": dt.date(2018, 2, 18),
        "time": dt.time(12, 26, 59),
        "utc_offset": dt.timedelta(hours=1),
        "dateline": "الرباط",
        "outlet": "هسبريس",
        "sections": (
            (
                None,
                (
                    "صادق مجلس الحكومة، اليوم الأحد، على مشروع قانون يتعلق بالمالية العمومية، "
                    "بعد نقاش استمر عدة ساعات.",
                    "وقال الناطق الرسمي باسم الحكومة إن المشروع يهدف إلى تحسين مناخ الأعمال "
                    "وتشجيع الاستثمار في الجهات.",
                    "وأضاف أن الحكومة ستعرض المشروع على البرلمان خلال الدورة المقبلة.",
                ),
            ),
        ),
        "dropped": (
            "-----------",
            "فيسبوك: http://www.facebook.com/example.news",
            "تويتر: https://twitter.com/example_news",
        ),
    },
    "02_rfc2822": {
        "title": "ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية",
        "date": dt.date(2018, 2, 18),
        "time": dt.time(12, 26, 59),
        "utc_offset": UTC,  # GMT
        "sources": ("رويترز",),
        "sections": (
            (
                None,
                (
                    "ارتفعت أسعار النفط في تعاملات اليوم بعد بيانات أظهرت تراجعا في مخزونات "
                    "الخام الأمريكية للأسبوع الثالث على التوالي.",
                    "وصعد خام برنت بنسبة 1.2 في المئة ليصل إلى 65 دولارا للبرميل.",
                    "وقال محللون إن السوق تترقب اجتماع منظمة أوبك المقبل في فيينا.",
                ),
            ),
        ),
    },
    "03_english_date_line": {
        "title": "الهلال يتأهل إلى نصف نهائي دوري أبطال آسيا",
        "date": dt.date(2018, 2, 18),
        "sources": ("الرياضية السعودية",),  # "*نقلا عن …": quoted from, with a leading star
        "sections": (
            (
                None,
                (
                    "تأهل فريق الهلال إلى الدور نصف النهائي من دوري أبطال آسيا بعد فوزه على "
                    "منافسه بهدفين دون رد.",
                    "سجل هدفي المباراة اللاعب عمر خربين في الشوطين الأول والثاني.",
                    "وسيلاقي الهلال في الدور المقبل الفائز من مواجهة الأهلي والعين.",
                ),
            ),
        ),
        "captions": (Caption("لقطة من المباراة", "ar", None),),  # repeated on the next line
        "dropped": ("الصور: Simon Hoffman / FIFA",),  # a photo credit, not an English caption
    },
    "04_english_weekday": {
        "title": "آبل تكشف عن حواسيب ماك بوك برو الجديدة",
        "date": dt.date(2016, 10, 27),
        "sections": (
            (
                None,
                (
                    "كشفت شركة آبل مساء الخميس عن الجيل الجديد من حواسيب MacBook Pro المحمولة، "
                    "والتي تأتي بشريط لمس جديد يحمل اسم Touch Bar بدلا من أزرار الوظائف.",
                    "ويعمل الشريط مع تطبيقات مثل Final Cut Pro وPhotoshop، كما يضم مستشعر "
                    "البصمة Touch ID.",
                ),
            ),
            (
                "السعر والتوفر",
                ("يبدأ سعر الحاسوب من 1499 دولارا، ويتوفر في الأسواق خلال أسبوعين.",),
            ),
        ),
        "captions": (
            Caption(
                "Apple CEO Tim Cook speaks during a product launch event in Cupertino, California",
                "en",
                "Reuters",
            ),
        ),
        "dropped": ("Photo: Apple",),
    },
    "05_arabic_saa_masaa": {
        "title": "افتتاح مشروعات جديدة للطرق في محافظات الصعيد",
        "date": dt.date(2015, 1, 6),
        "time": dt.time(17, 16),  # 05:16 مساءً, "in the evening"
        "sections": (
            (
                None,
                (
                    "افتتح وزير النقل اليوم عددا من مشروعات الطرق الجديدة في محافظات الصعيد "
                    "بتكلفة إجمالية بلغت ملياري جنيه.",
                    "وقال الوزير في كلمته خلال الافتتاح إن المشروعات تخدم أكثر من ثلاثة ملايين "
                    "مواطن.",
                ),
            ),
            (
                "خطة العام المقبل",
                (
                    "وأوضح أن الوزارة تعتزم البدء في تنفيذ مشروعات أخرى خلال العام المقبل، تشمل "
                    "تطوير الطرق الزراعية.",
                ),
            ),
        ),
        # "كتب - …" ("written by") is a byline, not a dateline: no place, no outlet.
        "dropped": ("كتب - محمد عبد الله", "تصوير: أحمد حسن"),
    },
    "06_arabic_sabahan": {
        "title": "انطلاق معرض الكتاب بمشاركة 600 دار نشر",
        "date": dt.date(2018, 2, 18),
        "time": dt.time(9, 30),
        "sources": ("اليوم السابع",),
        "sections": (
            (
                None,
                (
                    "انطلقت صباح اليوم فعاليات الدورة الجديدة من معرض الكتاب، بمشاركة ستمئة دار "
                    "نشر من عشرين دولة عربية وأجنبية.",
                    "ويضم المعرض هذا العام جناحا خاصا لكتب الأطفال، إلى جانب ندوات يومية يشارك "
                    "فيها عدد من الكتاب والمفكرين.",
                ),
            ),
        ),
        "dropped": ("==========", "=========="),
    },
    "07_hijri_numeric": {
        "title": "أمير المنطقة يدشن مشروعات تنموية بقيمة ثلاثة مليارات ريال",
        "hijri": (1432, 9, 14),  # stated alone: no Gregorian date is made up for it
        "dateline": "الرياض",
        "outlet": "واس",
        "sections": (
            (
                None,
                (
                    "دشن أمير المنطقة اليوم عددا من المشروعات التنموية والخدمية التي تنفذها "
                    "الجهات الحكومية بقيمة تتجاوز ثلاثة مليارات ريال.",
                    "وتشمل المشروعات مدارس ومراكز صحية وطرقا جديدة في عدد من المحافظات.",
                    "وأكد سموه أن هذه المشروعات تأتي في إطار حرص الدولة على تنمية جميع المناطق.",
                ),
            ),
        ),
    },
    "08_hijri_named": {
        "title": "توزيع السلال الرمضانية على الأسر المحتاجة",
        "hijri": (1432, 9, 14),
        "sections": (
            (
                None,
                (
                    "وزعت الجمعية الخيرية أمس أكثر من ألفي سلة غذائية على الأسر المحتاجة في "
                    "أحياء المدينة، ضمن برنامجها السنوي في شهر رمضان.",
                    "وقال رئيس الجمعية إن البرنامج يستمر حتى نهاية الشهر الكريم، بمشاركة مئات "
                    "المتطوعين.",
                ),
            ),
        ),
    },
    "09_hijri_and_gregorian": {
        "title": "مجلس الوزراء يوافق على تنظيم هيئة السياحة",
        "date": dt.date(2011, 8, 14),
        "hijri": (1432, 9, 14),
        "dateline": "جدة",
        "outlet": "الشرق الأوسط",
        "sections": (
            (
                None,
                (
                    "وافق مجلس الوزراء في جلسته التي عقدها اليوم على تنظيم الهيئة العامة للسياحة "
                    "والآثار.",
                    "وأوضح وزير الثقافة والإعلام عقب الجلسة أن المجلس استعرض عددا من التقارير "
                    "الاقتصادية.",
                ),
            ),
        ),
    },
    "10_tech_latin_names": {
        "title": "هواوي تطلق Huawei Mate 9 Porsche Design",
        "date": dt.date(2016, 11, 3),
        "sources": ("موقع Android Authority",),
        # Arabic lines holding Latin product names stay Arabic: subheadings and paragraphs.
        "sections": (
            (
                None,
                (
                    "أعلنت شركة هواوي الصينية عن هاتفها الجديد Huawei Mate 9 Porsche Design "
                    "الذي يأتي بالتعاون مع دار التصميم الألمانية Porsche Design.",
                ),
            ),
            (
                "مواصفات Huawei Mate 9 Porsche Design",
                (
                    "يأتي الهاتف بشاشة منحنية من نوع AMOLED بحجم 5.5 بوصة، ومعالج Kirin 960 "
                    "وذاكرة عشوائية بسعة 6 غيغابايت.",
                    "ويعمل الهاتف بنظام Android 7.0 Nougat مع واجهة EMUI 5.0 الخاصة بالشركة.",
                ),
            ),
            (
                "سعر Huawei Mate 9 Porsche Design",
                ("يبلغ سعر الهاتف 1395 يورو، وسيتوفر في الأسواق الأوروبية بدءا من الشهر المقبل.",),
            ),
        ),
    },
    "11_dividers_social": {
        "title": "مهرجان بعلبك يعود بعد غياب ثلاث سنوات",
        "date": dt.date(2017, 3, 7),
        "dateline": "بيروت",
        "outlet": "الأخبار",
        "sections": (
            (
                None,
                (
                    "أعلنت لجنة مهرجانات بعلبك الدولية برنامج دورتها الجديدة، التي تعود بعد غياب "
                    "استمر ثلاث سنوات.",
                    "ويتضمن البرنامج حفلات موسيقية وعروضا مسرحية يشارك فيها فنانون من لبنان "
                    "والعالم.",
                    "وقالت رئيسة اللجنة إن الحجوزات تبدأ مطلع الشهر المقبل عبر الموقع الإلكتروني "
                    "للمهرجان.",
                ),
            ),
        ),
        "dropped": (
            "________________",
            "***",
            "________________",
            "تابعونا على فيسبوك وتويتر",
            "Instagram: @example_news",
        ),
    },
    "12_attribution_variants": {
        "title": "الأمم المتحدة تحذر من أزمة غذاء في اليمن",
        "date": dt.date(2017, 3, 1),
        "time": dt.time(9, 10),
        "sources": ("الأناضول", "سكاي نيوز عربية"),
        "sections": (
            (
                None,
                (
                    "حذرت الأمم المتحدة من أن ملايين اليمنيين يواجهون خطر المجاعة، في ظل استمرار "
                    "الحرب وتراجع المساعدات الإنسانية.",
                    "وقال المنسق الإنساني إن المنظمة تحتاج إلى تمويل عاجل لمواصلة عملياتها في "
                    "البلاد.",
                ),
            ),
        ),
    },
    "13_short_repeats": {
        "title": "جمهور المسرح يتفاعل مع العرض الكوميدي الجديد",
        "date": dt.date(2017, 5, 4),
        # "هههه" and "لا لا" are what someone wrote or said: whole paragraphs, not half
        # captions, and no subheading right after a line that ends with a colon.
        "sections": (
            (
                None,
                (
                    "تفاعل الجمهور بقوة مع العرض الكوميدي الذي قدمته الفرقة مساء أمس على خشبة "
                    "المسرح القومي.",
                    "وكتب أحد المتابعين على صفحة الفرقة:",
                    "هههه",
                    "وردت ممثلة في الفرقة على سؤال عن اعتزالها:",
                    "لا لا",
                    "وأكد المخرج أن العرض سيستمر حتى نهاية الشهر.",
                ),
            ),
        ),
    },
    "14_update_label_iso_z": {
        "title": "الدولار يتراجع أمام العملات الرئيسية",
        "date": dt.date(2018, 2, 18),
        "time": dt.time(10, 26, 59),
        "utc_offset": UTC,  # Z
        "sources": ("سكاي نيوز عربية",),
        "sections": (
            (
                None,
                (
                    "تراجع الدولار الأمريكي أمام سلة من العملات الرئيسية في تعاملات اليوم، مع "
                    "تزايد التوقعات بشأن السياسة النقدية.",
                    "وانخفض مؤشر الدولار بنسبة 0.3 في المئة، فيما ارتفع اليورو إلى أعلى مستوى له "
                    "في ثلاث سنوات.",
                ),
            ),
        ),
    },
    "15_rfc_offset": {
        "title": "انطلاق عملية عسكرية لاستعادة مدينة الموصل",
        "date": dt.date(2016, 10, 27),
        "time": dt.time(9, 10),
        "utc_offset": dt.timedelta(hours=3),
        "dateline": "أربيل",
        "outlet": "الأناضول",
        "sections": (
            (
                None,
                (
                    "بدأت القوات العراقية فجر اليوم عملية عسكرية واسعة لاستعادة مدينة الموصل، "
                    "بمشاركة قوات البيشمركة والتحالف الدولي.",
                    "وقال قائد العمليات إن القوات تقدمت على عدة محاور باتجاه المدينة.",
                ),
            ),
        ),
    },
    "16_english_full_pm": {
        "title": "افتتاح أكبر محطة للطاقة الشمسية في المنطقة",
        "date": dt.date(2018, 2, 18),
        "time": dt.time(12, 26),  # 12:26 PM is just past noon
        "sections": (
            (
                None,
                (
                    "افتتح ولي العهد اليوم أكبر محطة للطاقة الشمسية في المنطقة، بقدرة إنتاجية "
                    "تصل إلى ألف ميغاواط.",
                    "وتغطي المحطة احتياجات أكثر من مئتي ألف منزل من الكهرباء.",
                ),
            ),
        ),
        "dropped": ("Photos: AFP",),
    },
    "17_gmt_arabic": {
        "title": "اتفاق على وقف إطلاق النار في الجنوب السوري",
        "date": dt.date(2017, 7, 9),
        "time": dt.time(12, 26),
        "utc_offset": UTC,  # بتوقيت غرينتش, "Greenwich time"
        # A generic credit alone under the title credits the story: a source, not a heading.
        "sources": ("وكالات",),
        "sections": (
            (
                None,
                (
                    "دخل اتفاق وقف إطلاق النار في جنوب غرب سوريا حيز التنفيذ ظهر اليوم، بعد "
                    "اتفاق بين الولايات المتحدة وروسيا والأردن.",
                    "وقال مسؤولون إن الاتفاق يشمل محافظات درعا والقنيطرة والسويداء.",
                ),
            ),
        ),
    },
    "18_read_also_tags": {
        "title": "ارتفاع عدد السياح الوافدين إلى تونس بنسبة 20 في المئة",
        "date": dt.date(2018, 2, 18),
        "time": dt.time(12, 26),
        "keywords": ("تونس", "السياحة", "الاقتصاد"),
        "sections": (
            (
                None,
                (
                    "ارتفع عدد السياح الوافدين إلى تونس خلال الشهر الماضي بنسبة عشرين في المئة "
                    "مقارنة بالفترة نفسها من العام الماضي.",
                    "وأرجع وزير السياحة هذا الارتفاع إلى تحسن الوضع الأمني وعودة الرحلات الجوية "
                    "من الأسواق الأوروبية.",
                ),
            ),
        ),
        "dropped": ("اقرأ أيضاً: الحكومة تطلق خطة جديدة لدعم قطاع السياحة", "الوسوم"),
    },
    "19_breadcrumb_share_buttons": {
        "title": "العراق يعلن استعادة السيطرة على قضاء جديد غرب الأنبار",
        "date": dt.date(2016, 11, 14),
        "time": dt.time(12, 45),  # آخر تحديث: 12:45 م - the time before the date
        "dateline": "بغداد",
        "outlet": "الأناضول",
        "sections": (
            (
                None,
                (
                    "أعلنت قيادة العمليات المشتركة في العراق، اليوم الاثنين، استعادة السيطرة "
                    "الكاملة على قضاء راوة غربي محافظة الأنبار بعد معارك استمرت أياما.",
                    "وقال المتحدث باسم القيادة في بيان إن القوات الأمنية رفعت العلم العراقي "
                    "فوق المباني الحكومية في القضاء.",
                    "وأضاف أن فرق الهندسة العسكرية تعمل على تطهير الطرق من العبوات الناسفة "
                    "التي زرعها التنظيم.",
                ),
            ),
        ),
        # The breadcrumb above the title, the share label and the share buttons.
        "dropped": ("الرئيسية > أخبار > عربي", "شارك هذا الخبر:", "فيسبوك تويتر واتساب"),
    },
    "20_date_above_title_wire_dateline": {
        "title": "طهران ترحب بالتنسيق الأمني مع بغداد ودمشق",
        "date": dt.date(2016, 11, 16),
        "time": dt.time(8, 30),
        "utc_offset": dt.timedelta(hours=3),
        # Reuters' dateline opens the first paragraph, which keeps it.
        "dateline": "طهران",
        "outlet": "رويترز",
        "sections": (
            (
                None,
                (
                    "طهران (رويترز) - رحبت الحكومة الإيرانية يوم الأربعاء بتوسيع التنسيق "
                    "الأمني مع العراق وسوريا وروسيا.",
                    "وقال متحدث باسم الخارجية الإيرانية إن المركز المشترك في بغداد أثبت فعاليته.",
                ),
            ),
        ),
        "dropped": ("(إعداد محمد للنشرة العربية - تحرير سها جادو)",),
    },
    "21_time_first_byline": {
        "title": "موسكو: لا تغيير في موقفنا من الأزمة السورية",
        "date": dt.date(2016, 11, 15),
        "time": dt.time(15, 20),
        "sections": (
            (
                None,
                (
                    "أكد وزير الخارجية الروسي سيرغي لافروف، اليوم الثلاثاء، أن موقف بلاده "
                    "من الأزمة السورية لم يتغير.",
                    "وأوضح لافروف خلال مؤتمر صحفي في موسكو أن الحل السياسي هو الطريق الوحيد "
                    "لإنهاء الأزمة.",
                    "وتابع أن روسيا ستواصل دعم الحكومة السورية في حربها ضد الإرهاب.",
                ),
            ),
        ),
        "dropped": (
            "كتب: أحمد محمود",  # a byline above the title
            "اقرأ أيضا: واشنطن تدعو موسكو إلى وقف الغارات",
            "شارك",
            "Facebook | Twitter | WhatsApp | Email",
        ),
    },
}

EMPTY: dict[str, Any] = {
    "date": None,
    "time": None,
    "utc_offset": None,
    "hijri": None,
    "dateline": None,
    "outlet": None,
    "sources": (),
    "captions": (),
    "keywords": (),
    "related": (),
    "dropped": (),
}


def parse_checked(text: str) -> Article:
    """parse(text), with the no-line-lost law checked on the result."""
    a = arnews.parse(text)
    assert_no_line_lost(text, a)
    return a


def layout_text(name: str) -> str:
    return (LAYOUTS / f"{name}.txt").read_text(encoding="utf-8")


def fields(a: Article) -> dict[str, Any]:
    """The article's fields in the shape of EXPECTED."""
    hijri = a.hijri
    return {
        "title": a.title,
        "date": a.date,
        "time": a.time,
        "utc_offset": a.utc_offset,
        "hijri": None if hijri is None else (hijri.year, hijri.month, hijri.day),
        "dateline": a.dateline,
        "outlet": a.outlet,
        "sources": a.sources,
        "sections": tuple((s.heading, s.paragraphs) for s in a.sections),
        "captions": a.captions,
        "keywords": a.keywords,
        "related": a.related,
        "dropped": a.dropped,
    }


def test_every_layout_file_has_its_expectations() -> None:
    assert sorted(p.stem for p in LAYOUTS.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_layout_gives_the_fields_read_by_hand(name: str) -> None:
    expected = {**EMPTY, **EXPECTED[name]}
    got = fields(arnews.parse(layout_text(name), id=name))
    for key, value in expected.items():
        assert got[key] == value, key


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_line_of_a_layout_is_lost(name: str) -> None:
    text = layout_text(name)
    assert_no_line_lost(text, arnews.parse(text, id=name))


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("perturb", PERTURBATIONS, ids=lambda f: f.__name__)
def test_a_perturbed_layout_gives_the_same_fields(name: str, perturb: Callable[[str], str]) -> None:
    text = perturb(layout_text(name))
    a = arnews.parse(text, id=name)
    same_fields(a, arnews.parse(layout_text(name), id=name))
    assert_no_line_lost(text, a)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_layout_datetime_accessor(name: str) -> None:
    # A datetime needs both a date and a time; it is aware when the text states the offset.
    a = arnews.parse(layout_text(name), id=name)
    expected = {**EMPTY, **EXPECTED[name]}
    if expected["date"] is None or expected["time"] is None:
        assert a.datetime is None
        return
    moment = a.datetime
    assert moment is not None
    assert (moment.date(), moment.time()) == (expected["date"], expected["time"])
    assert moment.utcoffset() == expected["utc_offset"]  # None: naive, no offset stated


# --------------------------------------------------------------------------- rule by rule
# Small texts, one rule each; expectations from the rule as docs/layout.md states it.

BODY = "وقال المتحدث إن المركز سيبدأ عمله قريبا في العاصمة بمشاركة الدول الأربع."
LEAD = "أعلنت الحكومة اليوم عن خطة جديدة لدعم القطاع الزراعي في المحافظات الجنوبية."


@pytest.mark.parametrize(
    "line",
    [
        "-----------",
        "________",
        "==========",
        "***",
        "* * *",
        "~~~~~~",
        "•••",
        "—————",
        "ــــــــــ",  # a run of TATWEEL U+0640
        "#####",
        "- - - - -",
        "═══════",
    ],
)
def test_a_divider_line_is_dropped(line: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert a.paragraphs == (LEAD, BODY)
    assert a.captions == ()
    assert a.dropped == (line,)


@pytest.mark.parametrize("line", ["--", "-", "*", "…", "...", "—"])
def test_a_line_of_one_or_two_marks_is_no_divider(line: str) -> None:
    # Too short to be a rule across the page; such a line stays in the body.
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert line not in a.dropped
    assert line in a.paragraphs


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("*نقلا عن الرياضية السعودية", ("الرياضية السعودية",)),
        ("* نقلا عن الرياضية السعودية", ("الرياضية السعودية",)),
        ("نقلاً عن صحيفة الحياة", ("صحيفة الحياة",)),
        ("نقلا عن: سكاي نيوز عربية", ("سكاي نيوز عربية",)),
        ("(نقلا عن الجزيرة نت)", ("الجزيرة نت",)),
        ("المصدر: رويترز", ("رويترز",)),
        ("المصدر : الجزيرة + رويترز", ("الجزيرة", "رويترز")),
        ("*المصدر: الأناضول", ("الأناضول",)),
        ("- المصدر: الأناضول", ("الأناضول",)),
        ("المصدر - وكالات", ("وكالات",)),
        ("المصدر/ الأناضول", ("الأناضول",)),
        ("(المصدر: الشرق الأوسط)", ("الشرق الأوسط",)),
        ("مصدر الخبر: وكالة الأنباء الألمانية", ("وكالة الأنباء الألمانية",)),
        ("المصادر: الفرنسية، رويترز، أسوشيتد برس", ("الفرنسية", "رويترز", "أسوشيتد برس")),
        ("المصدر: بي بي سي / الجزيرة", ("بي بي سي", "الجزيرة")),
    ],
)
def test_attribution_line_variants_give_sources(line: str, expected: tuple[str, ...]) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{BODY}\n{line}\n")
    assert a.sources == expected
    assert a.paragraphs == (LEAD, BODY)
    assert a.subheadings == ()


@pytest.mark.parametrize(
    "line",
    [
        # A body sentence that opens with "quoting …" is a sentence, not an attribution.
        "نقلا عن مصادر مطلعة، فإن الحكومة ستعلن قرارها الأسبوع المقبل.",
        "ونقلا عن الوزير قوله إن المفاوضات مستمرة.",
        "المصدر الذي تحدث للصحيفة رفض الكشف عن اسمه.",
    ],
)
def test_a_sentence_that_opens_like_an_attribution_stays_a_paragraph(line: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert a.sources == ()
    assert a.paragraphs == (LEAD, line, BODY)


@pytest.mark.parametrize(
    "line",
    [
        "الصور: Simon Hoffman / FIFA",
        "الصورة: أرشيفية",
        "تصوير: أحمد حسن",
        "تصوير - محمد علي",
        "عدسة: سامي عبد الله",
        "Photo: Reuters",
        "Photos: AFP / Getty Images",
        "Photo credit: Jane Doe",
        "(تصوير: أحمد حسن)",
    ],
)
def test_a_photo_credit_line_is_dropped_not_a_caption(line: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert a.captions == ()
    assert a.paragraphs == (LEAD, BODY)
    assert a.dropped == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "فيسبوك: http://www.facebook.com/example.news",
        "فيس بوك: https://facebook.com/example",
        "تويتر: @example_news",
        "Twitter: https://twitter.com/example",
        "Instagram: @example_news",
        "يوتيوب: https://www.youtube.com/c/example",
        "تابعونا على فيسبوك وتويتر",
        "تابعونا على تويتر: @example_news",
        "https://www.example.com/news/2018/02/18/story.html",
    ],
)
def test_a_social_link_or_lone_url_is_dropped(line: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{BODY}\n{line}\n")
    assert a.captions == ()
    assert a.paragraphs == (LEAD, BODY)
    assert a.dropped == (line,)


@pytest.mark.parametrize(
    "line",
    ["اقرأ أيضا: الحكومة تطلق خطة جديدة", "اقرأ أيضاً", "شاهد أيضا: فيديو الافتتاح", "اقرأ المزيد"],
)
def test_read_also_lines_are_furniture(line: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert a.paragraphs == (LEAD, BODY)
    assert a.dropped == (line,)


@pytest.mark.parametrize(
    "line", ["كتب - محمد عبد الله", "كتب: أحمد علي", "كتبت - سارة محمود", "بقلم: خالد يوسف"]
)
def test_a_byline_under_the_title_is_dropped_and_makes_no_dateline(line: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{line}\n{LEAD}\n{BODY}\n")
    assert (a.dateline, a.outlet) == (None, None)
    assert a.paragraphs == (LEAD, BODY)
    assert a.dropped == (line,)


def test_a_byline_then_a_date_line_gives_the_date() -> None:
    a = parse_checked(f"عنوان الخبر\nكتب - محمد عبد الله\n\n2018-02-18\n\n{LEAD}\n")
    assert a.date == dt.date(2018, 2, 18)
    assert a.paragraphs == (LEAD,)


def test_a_body_sentence_opening_with_kataba_stays_a_paragraph() -> None:
    line = "كتب الرئيس في تغريدة على حسابه أن المفاوضات ستستأنف."
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert a.paragraphs == (LEAD, line, BODY)
    assert a.dropped == ()


@pytest.mark.parametrize("credit", ["وكالات", "متابعات", "وكالات الأنباء"])
def test_a_generic_credit_alone_under_the_title_is_a_source(credit: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{credit}\n{LEAD}\n{BODY}\n")
    assert a.sources == (credit,)
    assert a.subheadings == ()
    assert a.paragraphs == (LEAD, BODY)


@pytest.mark.parametrize(
    "line",
    [
        "مواصفات Samsung Galaxy S8 Edge",
        "سعر Huawei Mate 9 Porsche Design",
        "إطلاق Windows 10 Creators Update",
        "تحديث iOS 10.3 الجديد",
    ],
)
def test_an_arabic_subheading_with_latin_names_stays_arabic(line: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert a.captions == ()
    assert a.subheadings == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "وتعمل الكاميرا بمستشعر Sony IMX378 مع عدسة Leica Summarit-H بفتحة f/2.2.",
        "وأطلقت الشركة تطبيق WhatsApp Messenger على متجري Google Play وApp Store.",
    ],
)
def test_an_arabic_paragraph_with_latin_names_stays_a_paragraph(line: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert a.captions == ()
    assert a.paragraphs == (LEAD, line, BODY)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Soldiers near Mosul (Reuters)", Caption("Soldiers near Mosul", "en", "Reuters")),
        # An Arabic credit does not make an English caption Arabic.
        ("Soldiers near Mosul (رويترز)", Caption("Soldiers near Mosul", "en", "رويترز")),
    ],
)
def test_a_latin_line_is_still_an_english_caption(line: str, expected: Caption) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert a.captions == (expected,)
    assert a.paragraphs == (LEAD, BODY)


@pytest.mark.parametrize("line", ["لا لا", "هههه", "هههههههه", "لا لا لا لا", "والله والله"])
def test_a_short_line_glued_twice_stays_a_paragraph(line: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert a.captions == ()
    assert a.paragraphs == (LEAD, line, BODY)


def test_a_caption_of_three_words_glued_twice_is_still_a_caption() -> None:
    cap = "مشهد من المدينة"
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{cap}{cap}\n{BODY}\n")
    assert a.captions == (Caption(cap, "ar", None),)
    assert a.paragraphs == (LEAD, BODY)


def test_no_subheading_right_after_a_line_ending_in_a_colon() -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\nوقال الوزير:\nلن نتراجع أبدا\n{BODY}\n")
    assert a.subheadings == ()
    assert a.paragraphs == (LEAD, "وقال الوزير:", "لن نتراجع أبدا", BODY)


def test_watch_in_a_sentence_is_no_follow_us_line() -> None:
    # "تابعوا" (watch, follow: plural) opens sentences; only "تابعونا" (follow us) is furniture.
    line = "تابعوا في الفيديو التالي"
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert a.dropped == ()
    assert line in a.paragraphs or line in a.subheadings


# --------------------------------------------------------------------------- generated outlets
# Articles assembled from the parts other outlets use, in the order they use them; every part
# carries what it must give, so title, date and body can be checked on any assembly.

TITLES = [
    "الحكومة تصادق على مشروع قانون المالية الجديد",
    "هواوي تطلق Huawei Mate 9 Porsche Design",
    "الهلال يتأهل إلى نصف نهائي دوري أبطال آسيا",
    "ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية",
]
H = dt.timedelta(hours=1)
DATE_LINES = [  # (line, date, time, utc_offset)
    ("2018-02-18T12:26:59+01:00", dt.date(2018, 2, 18), dt.time(12, 26, 59), H),
    ("Sun, 18 Feb 2018 12:26:59 GMT", dt.date(2018, 2, 18), dt.time(12, 26, 59), UTC),
    ("February 18, 2018", dt.date(2018, 2, 18), None, None),
    ("Thursday 27 October 2016", dt.date(2016, 10, 27), None, None),
    ("6 يناير، 2015، الساعة 05:16 مساءً", dt.date(2015, 1, 6), dt.time(17, 16), None),
    ("نشر في: الأحد 18 فبراير 2018 - 09:30 صباحاً", dt.date(2018, 2, 18), dt.time(9, 30), None),
    ("الخميس ٢٧ أكتوبر ٢٠١٦ ٠٩:١٠ م", dt.date(2016, 10, 27), dt.time(21, 10), None),
    ("18.02.2018 | 12:26", dt.date(2018, 2, 18), dt.time(12, 26), None),
    ("الأحد 14 رمضان 1432 هـ - 14 أغسطس 2011م", dt.date(2011, 8, 14), None, None),
    ("آخر تحديث: 2018-02-18T10:26:59Z", dt.date(2018, 2, 18), dt.time(10, 26, 59), UTC),
]
BYLINES = ["كتب - محمد عبد الله", "بقلم: خالد يوسف", "كتبت: سارة محمود"]
DATELINES = [("الرباط - هسبريس", "الرباط", "هسبريس"), ("بيروت ـ «الأخبار»", "بيروت", "الأخبار")]
SENTENCES = [
    "صادق مجلس الحكومة اليوم على مشروع القانون بعد نقاش استمر عدة ساعات.",
    "وقال الناطق الرسمي إن المشروع يهدف إلى تحسين مناخ الأعمال في الجهات.",
    "ويأتي الهاتف بمعالج Kirin 960 وذاكرة عشوائية بسعة 6 غيغابايت.",
    "وأضاف أن الحكومة ستعرض المشروع على البرلمان خلال الدورة المقبلة.",
    "وتشمل المشروعات مدارس ومراكز صحية وطرقا جديدة في عدد من المحافظات.",
    "وكتب أحد المتابعين على صفحة الفرقة:",
]
FOOTERS = [  # (line, sources it gives, dropped)
    ("-----------", (), True),
    ("المصدر: رويترز", ("رويترز",), False),
    ("*نقلا عن الرياضية السعودية", ("الرياضية السعودية",), False),
    ("- المصدر: الأناضول + سكاي نيوز عربية", ("الأناضول", "سكاي نيوز عربية"), False),
    ("فيسبوك: http://www.facebook.com/example.news", (), True),
    ("تابعونا على فيسبوك وتويتر", (), True),
    ("الصور: Simon Hoffman / FIFA", (), True),
    ("اقرأ أيضاً: الحكومة تطلق خطة جديدة", (), True),
    ("https://www.example.com/news/2018/02/18/story.html", (), True),
]


@st.composite
def outlet_articles(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """An article text and what it must give: title, date, time, offset, paragraphs, ..."""
    title = draw(st.sampled_from(TITLES))
    date_line, date, time, offset = draw(st.sampled_from(DATE_LINES))
    header = [date_line]
    dropped = []
    if draw(st.booleans()):
        byline = draw(st.sampled_from(BYLINES))
        header.insert(0, byline)
        dropped.append(byline)
    dateline = draw(st.none() | st.sampled_from(DATELINES))
    if dateline is not None:
        header.append(dateline[0])
    body = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6, unique=True))
    footers = draw(st.lists(st.sampled_from(FOOTERS), max_size=4, unique=True))
    sources: list[str] = []
    for line, gives, drops in footers:
        sources.extend(s for s in gives if s not in sources)
        if drops:
            dropped.append(line)
    lines = [title, *header, *body, *(line for line, _, _ in footers)]
    gap = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
    expected = {
        "title": title,
        "date": date,
        "time": time,
        "utc_offset": offset,
        "dateline": None if dateline is None else dateline[1],
        "outlet": None if dateline is None else dateline[2],
        "paragraphs": tuple(body),
        "sources": tuple(sources),
        "dropped": tuple(dropped),
    }
    return gap.join(lines), expected


@settings(deadline=None, max_examples=200)
@given(outlet_articles())
def test_generated_outlet_articles_give_title_date_and_body(
    case: tuple[str, dict[str, Any]],
) -> None:
    text, expected = case
    a = parse_checked(text)
    got = {
        "title": a.title,
        "date": a.date,
        "time": a.time,
        "utc_offset": a.utc_offset,
        "dateline": a.dateline,
        "outlet": a.outlet,
        "paragraphs": a.paragraphs,
        "sources": a.sources,
        "dropped": a.dropped,
    }
    assert got == expected


@pytest.mark.parametrize(
    "line",
    [
        "الرئيسية > أخبار > عربي",
        "الرئيسية / سياسة",
        "Home » World » Middle East",
        "أخبار › العراق › الأنبار",
    ],
)
def test_a_breadcrumb_above_or_under_the_title_is_dropped(line: str) -> None:
    above = parse_checked(f"{line}\nعنوان الخبر\n{LEAD}\n{BODY}\n")
    under = parse_checked(f"عنوان الخبر\n{line}\n{LEAD}\n{BODY}\n")
    for a in (above, under):
        assert a.title == "عنوان الخبر"
        assert a.paragraphs == (LEAD, BODY)
        assert a.dropped == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "العراق > سوريا",  # two crumbs without a home page: a comparison, kept
        "بغداد / موسكو / طهران: محور جديد",  # punctuation: a headline
        "2016/11/14",
    ],
)
def test_lines_with_angle_marks_or_slashes_that_are_no_breadcrumb_stay(line: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert a.dropped == ()


@pytest.mark.parametrize(
    "line",
    [
        "شارك",
        "شارك هذا الخبر:",
        "مشاركة",
        "انشر المقال",
        "Share this story:",
        "فيسبوك تويتر واتساب",
        "Facebook | Twitter | WhatsApp | Email",
        "فيس بوك، تويتر، واتس اب، طباعة",
    ],
)
def test_share_lines_and_buttons_are_furniture(line: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{BODY}\n{line}\n")
    assert a.paragraphs == (LEAD, BODY)
    assert a.dropped == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "شارك الوزير في الاجتماع الطارئ.",  # "the minister took part"
        "شارك آلاف المتظاهرين في المسيرة",
        "فيسبوك",  # one name alone says nothing of buttons
        "(تحرير الموصل سيستغرق وقتا)",  # تحرير, "liberation"
    ],
)
def test_sentences_that_open_like_share_lines_or_credits_stay(line: str) -> None:
    a = parse_checked(f"عنوان الخبر\n{LEAD}\n{line}\n{BODY}\n")
    assert a.dropped == ()


def test_a_wire_production_credit_is_dropped() -> None:
    for line in ("(إعداد محمد للنشرة العربية - تحرير سها جادو)", "(ترجمة: قسم الأخبار)"):
        a = parse_checked(f"عنوان الخبر\n{LEAD}\n{BODY}\n{line}\n")
        assert a.paragraphs == (LEAD, BODY)
        assert a.dropped == (line,)


@pytest.mark.parametrize(
    ("lead", "dateline", "outlet", "sources"),
    [
        ("بيروت (أ ف ب) - قال مسؤول إن الوضع هادئ.", "بيروت", "أ ف ب", ()),
        ("الأمم المتحدة (رويترز) - دعا الأمين العام إلى التهدئة.", "الأمم المتحدة", "رويترز", ()),
        ("بغداد (وكالات) - أعلنت الحكومة خطة جديدة.", "بغداد", None, ("وكالات",)),
        ("قال الوزير (في بيان) - إن الأمر محسوم.", None, None, ()),  # a sentence
    ],
)
def test_a_wire_dateline_opening_the_first_paragraph(
    lead: str, dateline: str | None, outlet: str | None, sources: tuple[str, ...]
) -> None:
    a = parse_checked(f"عنوان الخبر\n{lead}\n{BODY}\n")
    assert (a.dateline, a.outlet, a.sources) == (dateline, outlet, sources)
    assert a.paragraphs == (lead, BODY)  # the paragraph keeps its whole line


def test_a_wire_dateline_later_or_after_a_dateline_line_is_not_read() -> None:
    a = parse_checked(f"عنوان الخبر\nالقاهرة - الأهرام\n{LEAD}\nطهران (رويترز) - رحبت.\n")
    assert (a.dateline, a.outlet) == ("القاهرة", "الأهرام")
    b = parse_checked(f"عنوان الخبر\n{LEAD}\nطهران (رويترز) - رحبت الحكومة.\n")
    assert (b.dateline, b.outlet) == (None, None)


def test_a_date_line_above_the_title_is_the_date_and_the_title_follows() -> None:
    a = parse_checked(f"2016-11-16T08:30:00+03:00\nعنوان الخبر\n{LEAD}\n")
    assert (a.title, a.date, a.time) == ("عنوان الخبر", dt.date(2016, 11, 16), dt.time(8, 30))
    assert a.paragraphs == (LEAD,)
    # A text of only such lines keeps its last line as the title: a title is never empty.
    only = parse_checked("الرئيسية > أخبار > عربي\n2016-11-16\n")
    assert (only.title, only.date) == ("2016-11-16", None)


def test_a_byline_without_a_colon_in_the_header_is_dropped_below_it_stays() -> None:
    a = parse_checked(f"عنوان الخبر\nكتب محمد السيد\n{LEAD}\n{BODY}\n")
    assert a.dropped == ("كتب محمد السيد",)
    assert a.paragraphs == (LEAD, BODY)
    assert a.subheadings == ()
    below = parse_checked(f"عنوان الخبر\n{LEAD}\nكتب الوزير رسالة\n{BODY}\n")
    assert below.dropped == ()
    assert "كتب الوزير رسالة" in (*below.paragraphs, *below.subheadings)
