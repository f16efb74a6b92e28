"""StreamField blocks that course modules are written with."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


# Block previews in the admin show a block with the learner pages' styles.
PREVIEW_TEMPLATE = "courses/block_preview.html"


class RichTextSectionBlock(blocks.RichTextBlock):
    """Running text with headings, lists and links."""

    def __init__(self, **kwargs):
        super().__init__(features=TEXT_FEATURES, **kwargs)

    class Meta:
        preview_template = PREVIEW_TEMPLATE
        icon = "pilcrow"
        label = _("Text")
        template = "courses/blocks/text.html"
        description = _("Running text with headings, lists and links.")
        preview_value = (
            "<h2>Reageren binnen het uur</h2><p>Een snelle, menselijke reactie "
            "voorkomt dat een klacht groter wordt.</p>"
        )


class ImageBlock(blocks.StructBlock):
    """An image with the text alternative that a screen reader reads."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        max_length=250,
        required=False,
        help_text=_(
            "Describe the image for people who cannot see it; leave empty if it is decoration."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        preview_template = PREVIEW_TEMPLATE
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"
        description = _("An image with a caption and a text alternative.")

    def get_preview_value(self):
        # Preview with an image from the library, as there is no fixed one.
        image = get_image_model().objects.order_by("-pk").first()
        return self.to_python(
            {
                "image": image.pk if image else None,
                "alt_text": "",
                "caption": "Voorbeeld",
            }
        )


class VideoBlock(blocks.StructBlock):
    """A video from a platform such as YouTube or Vimeo, with a transcript."""

    video = EmbedBlock(label=_("Video URL"), max_width=960)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("A text version for people who cannot watch or hear the video."),
    )

    class Meta:
        preview_template = PREVIEW_TEMPLATE
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"
        description = _("An embedded video with a transcript.")
        preview_value = {
            "video": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Voorbeeldvideo",
            "transcript": "De uitgeschreven tekst van de video.",
        }


class DocumentBlock(blocks.StructBlock):
    """A document to download, such as a checklist or a protocol."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), max_length=200, required=False)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        preview_template = PREVIEW_TEMPLATE
        icon = "doc-full"
        label = _("Document")
        template = "courses/blocks/document.html"
        description = _("A document the learner can download.")

    def get_preview_value(self):
        document = get_document_model().objects.order_by("-pk").first()
        return self.to_python(
            {
                "document": document.pk if document else None,
                "title": "",
                "description": "",
            }
        )


class CalloutBlock(blocks.StructBlock):
    """A highlighted tip, warning or note."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("info", _("Note")), ("warning", _("Warning"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        preview_template = PREVIEW_TEMPLATE
        icon = "help"
        label = _("Callout")
        template = "courses/blocks/callout.html"
        description = _("A highlighted tip, note or warning.")
        preview_value = {
            "kind": "tip",
            "title": "Tip",
            "text": "Noem altijd je voornaam onder een reactie: dat maakt het persoonlijk.",
        }


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        help_text=_("Shown after answering: why this answer is right or wrong."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Question"), max_length=500)
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("single", _("One answer is correct")),
            ("multiple", _("Several answers may be correct")),
        ],
        default="single",
    )
    choices = blocks.ListBlock(ChoiceBlock(), label=_("Answers"), min_num=2)

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if correct == 0:
            message = _("Mark at least one answer as correct.")
        elif value["kind"] == "single" and correct > 1:
            message = _(
                "A question with one correct answer cannot mark several as correct."
            )
        else:
            return value
        raise StructBlockValidationError(non_block_errors=[ValidationError(message)])


class QuizBlock(blocks.StructBlock):
    """Questions the learner answers; graded on the server with feedback per answer."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1)

    class Meta:
        preview_template = PREVIEW_TEMPLATE
        icon = "tick-inverse"
        label = _("Quiz")
        template = "courses/blocks/quiz.html"
        description = _(
            "Single or multiple choice questions with an explanation per answer."
        )
        preview_value = {
            "title": "Test je kennis",
            "intro": "",
            "questions": [
                {
                    "text": "Binnen welke tijd reageer je op een klacht op sociale media?",
                    "kind": "single",
                    "choices": [
                        {
                            "text": "Binnen een uur",
                            "correct": True,
                            "explanation": "Snel en menselijk.",
                        },
                        {
                            "text": "Binnen een week",
                            "correct": False,
                            "explanation": "Veel te laat.",
                        },
                    ],
                }
            ],
        }


CHANNELS = [
    ("twitter", "X / Twitter"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("email", _("Email")),
    ("incident", _("Incident")),
]


class ScenarioValue(blocks.StructValue):
    def channel_label(self):
        return dict(CHANNELS).get(self.get("channel"), self.get("channel"))


class ScenarioBlock(blocks.StructBlock):
    """A realistic situation that the learner answers in their own words."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    channel = blocks.ChoiceBlock(
        label=_("Channel"), choices=CHANNELS, default="twitter"
    )
    author = blocks.CharBlock(
        label=_("Author"), max_length=100, help_text=_("Who posted it, e.g. a handle.")
    )
    situation = blocks.TextBlock(
        label=_("Situation"), help_text=_("The post or the unfolding incident.")
    )
    task = blocks.TextBlock(
        label=_("Task"), help_text=_("What the learner must write.")
    )
    guidance = blocks.TextBlock(
        label=_("Guidance"),
        required=False,
        help_text=_("What a good answer does; shown before answering."),
    )
    model_answer = blocks.TextBlock(
        label=_("Model answer"),
        required=False,
        help_text=_("An example of a good answer; shown after submitting."),
    )

    class Meta:
        preview_template = PREVIEW_TEMPLATE
        icon = "comment"
        label = _("Scenario")
        value_class = ScenarioValue
        template = "courses/blocks/scenario.html"
        description = _(
            "A social post or crisis situation the learner answers in free text."
        )
        preview_value = {
            "title": "Een boze bewoner",
            "channel": "twitter",
            "author": "@boze_bewoner",
            "situation": "Al drie weken ligt er afval naast de container en niemand doet iets!",
            "task": "Schrijf een reactie.",
            "guidance": "Erken de ergernis en zeg wat je gaat doen.",
            "model_answer": "",
        }


class ModuleBodyBlock(blocks.StreamBlock):
    """Everything a module can hold."""

    text = RichTextSectionBlock()
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    quiz = QuizBlock()
    scenario = ScenarioBlock()


# Interactive block types: a module is done when each of them is.
INTERACTIVE_BLOCK_TYPES = ("quiz", "scenario")
