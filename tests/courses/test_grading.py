import uuid
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses.blocks import QuizBlock
from courses.grading import InvalidAnswer, grade_quiz

pytestmark = pytest.mark.filterwarnings("ignore")


@st.composite
def quizzes(draw):
    """A quiz block value with 1–5 questions of 2–5 answers, single or multiple."""
    questions = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["single", "multiple"]))
        size = draw(st.integers(2, 5))
        if kind == "single":
            right = {draw(st.integers(0, size - 1))}
        else:
            right = set(
                draw(st.lists(st.integers(0, size - 1), min_size=1, unique=True))
            )
        choices = [
            {
                "type": "item",
                "id": str(uuid.UUID(int=draw(st.integers(0, 2**64)) * 1000 + i)),
                "value": {
                    "text": f"Answer {i}",
                    "correct": i in right,
                    "explanation": "Why.",
                },
            }
            for i in range(size)
        ]
        questions.append(
            {
                "type": "item",
                "id": str(uuid.uuid4()),
                "value": {"text": "Q", "kind": kind, "choices": choices},
            }
        )
    return QuizBlock().to_python({"title": "Quiz", "intro": "", "questions": questions})


def _structure(quiz):
    return [
        (q.id, q.value["kind"], [c.id for c in q.value["choices"].bound_blocks])
        for q in quiz["questions"].bound_blocks
    ]


@st.composite
def quiz_and_answers(draw):
    quiz = draw(quizzes())
    answers = {}
    for question_id, kind, choice_ids in _structure(quiz):
        if draw(st.booleans()):
            continue  # leave the question unanswered
        if kind == "single":
            answers[question_id] = [draw(st.sampled_from(choice_ids))]
        else:
            answers[question_id] = draw(
                st.lists(st.sampled_from(choice_ids), unique=True)
            )
    return quiz, answers


@given(quiz_and_answers())
def test_score_lies_between_zero_and_one(case):
    quiz, answers = case
    assert 0 <= grade_quiz(quiz, answers).score <= 1


@given(quiz_and_answers(), st.randoms())
def test_order_of_choices_does_not_matter(case, random):
    quiz, answers = case
    shuffled = {}
    for question_id in random.sample(list(answers), len(answers)):
        chosen = list(answers[question_id])
        random.shuffle(chosen)
        shuffled[question_id] = chosen
    assert grade_quiz(quiz, shuffled).score == grade_quiz(quiz, answers).score


@given(quizzes())
def test_the_right_answers_score_one_and_none_score_zero(quiz):
    right = {
        q.id: [c.id for c in q.value["choices"].bound_blocks if c.value["correct"]]
        for q in quiz["questions"].bound_blocks
    }
    assert grade_quiz(quiz, right).score == 1
    assert grade_quiz(quiz, {}).score == 0


@given(quizzes(), st.uuids())
def test_unknown_choice_is_refused(quiz, stray):
    question_id = quiz["questions"].bound_blocks[0].id
    with pytest.raises(InvalidAnswer, match="has no answer"):
        grade_quiz(quiz, {question_id: [str(stray)]})


@given(quizzes(), st.uuids())
def test_unknown_question_is_refused(quiz, stray):
    with pytest.raises(InvalidAnswer, match="has no question"):
        grade_quiz(quiz, {str(stray): []})


def test_partly_right_multiple_choice_counts_as_wrong():
    quiz = QuizBlock().to_python(
        {
            "title": "Quiz",
            "intro": "",
            "questions": [
                {
                    "type": "item",
                    "id": "q1",
                    "value": {
                        "text": "Which?",
                        "kind": "multiple",
                        "choices": [
                            {
                                "type": "item",
                                "id": "a",
                                "value": {
                                    "text": "A",
                                    "correct": True,
                                    "explanation": "",
                                },
                            },
                            {
                                "type": "item",
                                "id": "b",
                                "value": {
                                    "text": "B",
                                    "correct": True,
                                    "explanation": "",
                                },
                            },
                            {
                                "type": "item",
                                "id": "c",
                                "value": {
                                    "text": "C",
                                    "correct": False,
                                    "explanation": "",
                                },
                            },
                        ],
                    },
                },
                {
                    "type": "item",
                    "id": "q2",
                    "value": {
                        "text": "One?",
                        "kind": "single",
                        "choices": [
                            {
                                "type": "item",
                                "id": "d",
                                "value": {
                                    "text": "D",
                                    "correct": True,
                                    "explanation": "",
                                },
                            },
                            {
                                "type": "item",
                                "id": "e",
                                "value": {
                                    "text": "E",
                                    "correct": False,
                                    "explanation": "",
                                },
                            },
                        ],
                    },
                },
            ],
        }
    )
    result = grade_quiz(quiz, {"q1": ["a"], "q2": ["d"]})
    assert result.score == Fraction(1, 2)
    assert result.passes(50) and not result.passes(51)
    with pytest.raises(InvalidAnswer, match="takes one answer"):
        grade_quiz(quiz, {"q2": ["d", "e"]})
