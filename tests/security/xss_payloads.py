"""Cross-site scripting payloads, for every text a person writes.

Each payload calls ``__xss('<id>')`` when it runs: the browser test defines
that function before any page script (it reports the id to the test), so a
payload that executes is caught whether or not it also opens a dialog, which
most try too. The id is in the text itself, so that a page showing the
payload as text can be checked to show it: a test that finds nothing
executed must also find the words on the page, or it proves nothing.

Every payload fits the shortest field it is written to (a name: 150
characters) and holds no character that a text field refuses; those with a
null character are kept apart (NUL_PAYLOADS), for a clean refusal.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Payload:
    id: str
    text: str

    @property
    def answer(self) -> str:
        """As a scenario answer: long enough to be accepted even where the
        sanitiser strips all of the markup, with the id left as text."""
        return f"Answer {self.id}: {self.text} (end of answer {self.id})"


def _call(id_: str) -> str:
    return f"alert(__xss('{id_}'))"


_RAW = {
    # Script elements, in every spelling.
    "p01": "<script>{call}</script>",
    "p02": "<SCRIPT>{call}</SCRIPT>",
    "p03": "<ScRiPt>{call}</sCrIpT>",
    "p04": "<script src=data:text/javascript,{call}></script>",
    "p05": "<script>{call}//</script",
    "p06": "<scr<script>ipt>{call}</scr</script>ipt>",
    # Event handlers.
    "p07": "<img src=x onerror={call}>",
    "p08": "<IMG SRC=x OnErRoR={call}>",
    "p09": "<img/src=x/onerror={call}>",
    "p10": "<img src=x onerror={call} ",
    "p11": "<img src=x onerror=&#97;lert(__xss('p11'))>",
    "p12": "<input autofocus onfocus={call}>",
    "p13": "<details open ontoggle={call}>",
    "p14": "<body onload={call}>",
    "p15": "<video><source onerror={call}></video>",
    "p16": "<marquee onstart={call}>p16</marquee>",
    "p17": "<a href=# onclick={call}>p17</a>",
    # SVG and MathML.
    "p18": "<svg onload={call}>",
    "p19": "<svg><script>{call}</script></svg>",
    "p20": "<svg><animate onbegin={call} attributeName=x dur=1s>",
    "p21": '<svg><a xlink:href="javascript:{call}"><text y=20>p21</text></a></svg>',
    "p22": "<svg><style><img src=x onerror={call}></style></svg>",
    "p23": "<math><mtext><table><mglyph><style><img src=x onerror={call}>",
    "p24": "<math><maction actiontype=statusline xlink:href=javascript:{call}>p24",
    # Mutation XSS: markup that parses differently the second time.
    "p25": '<noscript><p title="</noscript><img src=x onerror={call}>">',
    "p26": '<!--<img src="--><img src=x onerror={call}//">',
    # javascript: and data: URLs, plain, spaced out, encoded.
    "p27": '<a href="javascript:{call}">p27</a>',
    "p28": '<a href="JaVaScRiPt:{call}">p28</a>',
    "p29": '<a href="jav&#x09;ascript:{call}">p29</a>',
    "p30": '<a href="&#106;avascript:{call}">p30</a>',
    "p31": '<a href=" &#14; javascript:{call}">p31</a>',
    "p32": '<a href="data:text/html,<script>{call}</script>">p32</a>',
    "p33": "<iframe src=\"javascript:parent.__xss('p33')\"></iframe>",
    "p34": "<iframe srcdoc=\"<script>parent.__xss('p34')</script>\"></iframe>",
    "p35": '<object data="javascript:{call}"></object>',
    "p36": '<embed src="javascript:{call}">',
    "p37": '<form action="javascript:{call}"><button>p37</button></form>',
    "p38": '<button form=x formaction="javascript:{call}">p38</button>',
    "p39": "javascript:{call}",
    # Elements that change where the page goes.
    "p40": '<base href="javascript:{call}//">',
    "p41": '<meta http-equiv="refresh" content="0;url=javascript:{call}">',
    # Styles.
    "p42": '<div style="background:url(javascript:{call})">p42</div>',
    "p43": '<p style="width:expression({call})">p43</p>',
    "p44": "<style>@import 'javascript:{call}';</style>",
    # Encoded: entities, URL encoding, JavaScript escapes, look-alikes.
    "p45": "&lt;script&gt;{call}&lt;/script&gt;",
    "p46": "&#60;img src=x onerror={call}&#62;",
    "p47": "%3Cscript%3E{call}%3C%2Fscript%3E",
    "p48": "\\u003cimg src=x onerror={call}\\u003e",
    "p49": "\uff1cscript\uff1e{call}\uff1c/script\uff1e",
    "p50": "<img src=x onerror={call}\u200b\u202e>",
    # Breaking out of the context the text lands in.
    "p51": '" autofocus onfocus={call} x="',
    "p52": "' onmouseover={call} x='",
    "p53": '"><img src=x onerror={call}>',
    "p54": "</textarea><script>{call}</script>",
    "p55": "</title><script>{call}</script>",
    "p56": "</script><script>{call}</script>",
    "p57": "{{{{ __xss('p57') }}}} {{% debug %}} ${{__xss('p57')}}",
    "p58": "${{{call}}} #{{{call}}} <%= {call} %>",
    # Tab and control characters inside the markup.
    "p59": "<img\tsrc=x\tonerror={call}>",
    "p60": '<a href="java\tscript:{call}">p60</a>',
}

PAYLOADS = tuple(
    Payload(id_, text.format(call=_call(id_))) for id_, text in _RAW.items()
)

# With a null character, which no PostgreSQL text can hold: refused or
# sanitised away, never stored, never a server error.
NUL_PAYLOADS = tuple(
    Payload(id_, text.format(call=_call(id_)))
    for id_, text in {
        "n01": "<scr\x00ipt>{call}</script>",
        "n02": "<img src=x one\x00rror={call}>",
        "n03": "\x00<svg onload={call}>",
    }.items()
)

# Markup without a slash, for a unit's name (the import reads a slash as
# the step to the unit below).
UNIT_NAME_PAYLOADS = tuple(payload for payload in PAYLOADS if "/" not in payload.text)[
    :3
]
