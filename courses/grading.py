"""Quiz grading: a pure function of the quiz block's value and the answers."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _


class InvalidAnswer(ValueError):
    """The answers do not fit the quiz: unknown ids, or several for a single choice."""


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    chosen: frozenset[str]
    correct: frozenset[str]

    @property
    def is_correct(self) -> bool:
        return self.chosen == self.correct

    @property
    def answered(self) -> bool:
        return bool(self.chosen)


@dataclass(frozen=True)
class QuizResult:
    questions: tuple[QuestionResult, ...]

    @property
    def score(self) -> Fraction:
        """The share of questions answered exactly right, from 0 to 1."""
        if not self.questions:
            return Fraction(0)
        right = sum(1 for question in self.questions if question.is_correct)
        return Fraction(right, len(self.questions))

    @property
    def unanswered(self) -> tuple[str, ...]:
        """The ids of the questions without an answer, in order."""
        return tuple(q.question_id for q in self.questions if not q.answered)

    def passes(self, pass_mark: int) -> bool:
        """Whether the score reaches a pass mark given in percent."""
        return self.score * 100 >= pass_mark


def quiz_questions(quiz) -> list[tuple[str, object]]:
    """The (id, value) of each question of a quiz block value, in order."""
    return [(str(child.id), child.value) for child in quiz["questions"].bound_blocks]


def question_choices(question) -> list[tuple[str, object]]:
    """The (id, value) of each choice of a question, in order."""
    return [(str(child.id), child.value) for child in question["choices"].bound_blocks]


def grade_quiz(quiz, answers: Mapping[str, Iterable[str]]) -> QuizResult:
    """Grade answers, a mapping of question id to chosen choice ids.

    A question counts as right only when exactly its correct choices are
    chosen; an unanswered question counts as wrong. Ids that the quiz does not
    hold are refused rather than ignored, so a tampered form cannot pass.
    """
    questions = quiz_questions(quiz)
    known = {question_id for question_id, _value in questions}
    unknown = set(map(str, answers)) - known
    if unknown:
        raise InvalidAnswer(
            _("The quiz has no question %(id)s.") % {"id": sorted(unknown)[0]}
        )
    answers = {str(key): frozenset(map(str, value)) for key, value in answers.items()}
    results = []
    for question_id, question in questions:
        choices = question_choices(question)
        chosen = answers.get(question_id, frozenset())
        stray = chosen - {choice_id for choice_id, _value in choices}
        if stray:
            raise InvalidAnswer(
                _("Question %(question)s has no answer %(id)s.")
                % {"question": question_id, "id": sorted(stray)[0]}
            )
        if question["kind"] == "single" and len(chosen) > 1:
            raise InvalidAnswer(
                _("Question %(question)s takes one answer.") % {"question": question_id}
            )
        correct = frozenset(
            choice_id for choice_id, choice in choices if choice["correct"]
        )
        results.append(QuestionResult(question_id, chosen, correct))
    return QuizResult(tuple(results))
