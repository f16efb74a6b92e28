"""The floors of the completion report: straightforward SQL that computes
what the page shows and what an export holds, the same rows with the same
statuses (lms.querysets.TrainingAssignmentQuerySet.with_status), written by
hand with the indexes the schema has. What the application spends beyond
these is its own overhead."""

from django.db import connection

# One row per current assignment: who, which course, its status on a day,
# the completion and the best score of the enrolment's current cycle.
ROWS = """
WITH latest_extension AS (
    SELECT DISTINCT ON (assignment_id) assignment_id, due_on
    FROM lms_duedateextension
    ORDER BY assignment_id, created_at DESC, id DESC
), assignment AS (
    SELECT
        a.id,
        a.user_id,
        a.course_id,
        a.assigned_at,
        COALESCE(x.due_on, a.due_on) AS effective_due,
        COALESCE(
            a.fulfilled_at, CASE WHEN e.status = 'completed' THEN e.completed_at END
        ) AS completed_at,
        ex.id IS NOT NULL AS is_exempt,
        EXISTS (
            SELECT 1 FROM lms_moduleprogress mp
            WHERE mp.enrolment_id = e.id AND mp.cycle = e.cycle
        ) AS has_started,
        e.id AS enrolment_id,
        e.cycle AS cycle
    FROM lms_trainingassignment a
    LEFT JOIN lms_enrolment e ON e.user_id = a.user_id AND e.course_id = a.course_id
    LEFT JOIN latest_extension x ON x.assignment_id = a.id
    LEFT JOIN lms_exemption ex ON ex.assignment_id = a.id
    WHERE a.withdrawn_at IS NULL AND a.fulfilled_at IS NULL
), report AS (
    SELECT
        assignment.*,
        CASE
            WHEN completed_at IS NOT NULL THEN 'completed'
            WHEN is_exempt THEN 'exempt'
            WHEN effective_due < %(today)s THEN 'overdue'
            WHEN has_started THEN 'in_progress'
            ELSE 'not_started'
        END AS status
    FROM assignment
)
"""

PERSON = "COALESCE(NULLIF(p.name, ''), p.email)"

MEMBERSHIPS = """
LEFT JOIN LATERAL (
    SELECT
        array_agg(DISTINCT u.name) AS units,
        array_agg(DISTINCT r.name) FILTER (WHERE r.name IS NOT NULL) AS roles
    FROM lms_rolemembership m
    JOIN lms_orgunit u ON u.id = m.unit_id
    LEFT JOIN lms_role r ON r.id = m.role_id
    WHERE m.user_id = report.user_id AND m.ended_on IS NULL
) memberships ON TRUE
"""

EXPORT = f"""{ROWS}
SELECT
    {PERSON} AS person, p.email, memberships.units, memberships.roles,
    c.title, report.assigned_at, report.effective_due, report.status,
    report.completed_at,
    (
        SELECT max(q.score) FROM lms_quizattempt q
        WHERE q.enrolment_id = report.enrolment_id AND q.cycle = report.cycle
    ) AS best_score
FROM report
JOIN cms_user p ON p.id = report.user_id
JOIN wagtailcore_page c ON c.id = report.course_id
{MEMBERSHIPS}
ORDER BY person, report.id
"""

TOTALS = f"""{ROWS}
SELECT
    count(*),
    count(*) FILTER (WHERE status = 'completed'),
    count(*) FILTER (WHERE status = 'exempt'),
    count(*) FILTER (WHERE status = 'overdue')
FROM report
"""

PER_UNIT = f"""{ROWS}
SELECT
    m.unit_id,
    count(DISTINCT report.id),
    count(DISTINCT report.id) FILTER (WHERE status = 'completed'),
    count(DISTINCT report.id) FILTER (WHERE status = 'exempt'),
    count(DISTINCT report.id) FILTER (WHERE status = 'overdue')
FROM report
JOIN lms_rolemembership m ON m.user_id = report.user_id AND m.ended_on IS NULL
GROUP BY m.unit_id
"""

FIRST_PAGE = f"""{ROWS}
SELECT
    {PERSON} AS person, memberships.units, memberships.roles, c.title,
    report.assigned_at, report.effective_due, report.status, report.completed_at,
    (
        SELECT max(q.score) FROM lms_quizattempt q
        WHERE q.enrolment_id = report.enrolment_id AND q.cycle = report.cycle
    ) AS best_score
FROM report
JOIN cms_user p ON p.id = report.user_id
JOIN wagtailcore_page c ON c.id = report.course_id
{MEMBERSHIPS}
ORDER BY person, report.id
LIMIT 50
"""


def report_page(today) -> list:
    """What the report's first page shows: totals, per unit, 50 rows."""
    with connection.cursor() as cursor:
        results = []
        for statement in (TOTALS, PER_UNIT, FIRST_PAGE):
            cursor.execute(statement, {"today": today})
            results.append(cursor.fetchall())
    return results


def report_rows(today) -> int:
    """Every row of an export over everyone, fetched; returns how many."""
    count = 0
    with connection.cursor() as cursor:
        cursor.execute(EXPORT, {"today": today})
        while rows := cursor.fetchmany(2000):
            count += len(rows)
    return count
