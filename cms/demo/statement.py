"""The demo's accessibility statement, in Dutch and English; an organisation
edits it to its own findings and contact in the admin."""

from datetime import date

STATEMENT = {
    "title": {"nl": "Toegankelijkheidsverklaring", "en": "Accessibility statement"},
    "statement_date": date(2026, 12, 2),
    "scope": {
        "nl": "<p>Deze verklaring geldt voor Hub Academy: de cursuscatalogus, de "
        "cursussen en modules, Mijn leren, de controlepagina voor certificaten en "
        "de schermen van de hub in de beheeromgeving.</p>",
        "en": "<p>This statement covers Hub Academy: the course catalogue, the "
        "courses and modules, My learning, the certificate verification page and "
        "the hub's screens in the admin.</p>",
    },
    "testing": {
        "nl": "<p>Elke wijziging wordt automatisch getest in een echte browser, in "
        "het Nederlands en in het Engels:</p><ul><li>axe-core met de regels van "
        "WCAG 2.2 A en AA, op de pagina's van cursisten, managers en HR;</li>"
        "<li>elke pagina op een scherm van 320 pixels breed, zonder horizontaal "
        "te scrollen;</li><li>het contrast van de focusrand en van grafieken, en "
        "bedieningselementen van minstens 24 bij 24 pixels;</li><li>de "
        "belangrijkste taken alleen met het toetsenbord.</li></ul><p>Wat "
        "automatische tests niet zien, controleren we met de hand.</p>",
        "en": "<p>Every change is tested automatically in a real browser, in Dutch "
        "and in English:</p><ul><li>axe-core with the WCAG 2.2 A and AA rules, on "
        "the pages of learners, managers and HR;</li><li>every page on a screen "
        "320 pixels wide, without scrolling sideways;</li><li>the contrast of the "
        "focus ring and of charts, and controls of at least 24 by 24 pixels;</li>"
        "<li>the main tasks with the keyboard only.</li></ul><p>What automated "
        "tests cannot see, we check by hand.</p>",
    },
    "known_gaps": {
        "nl": "<ul><li>De PDF van een certificaat is geen getagde PDF: een "
        "schermlezer leest hem niet volledig. De controlepagina toont dezelfde "
        "gegevens als HTML.</li><li>Van de beheeromgeving (Wagtail) testen we de "
        "schermen van de hub; de pagina-editor volgt Wagtails eigen "
        "toegankelijkheidswerk.</li><li>Ondertiteling van video's in cursussen "
        "hangt af van de aanbieder van de video.</li></ul>",
        "en": "<ul><li>A certificate's PDF is not a tagged PDF: a screen reader "
        "does not read all of it. The verification page shows the same facts as "
        "HTML.</li><li>Of the admin (Wagtail) we test the hub's screens; the page "
        "editor follows Wagtail's own accessibility work.</li><li>Captions of "
        "videos in courses depend on the video's provider.</li></ul>",
    },
    "contact_email": "toegankelijkheid@example.org",
    "contact": {
        "nl": "<p>We antwoorden binnen vijf werkdagen. Komen we er samen niet "
        "uit, dan kunt u zich wenden tot de Nationale ombudsman.</p>",
        "en": "<p>We answer within five working days. If we cannot resolve it "
        "together, you may turn to the National Ombudsman.</p>",
    },
}
