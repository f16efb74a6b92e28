"""HR's and hub managers' reports in the Wagtail admin: completion and overdue.

queries.py holds the rows and figures, filters.py the django-filter sets,
views.py the ReportViews (which certification's reports build on too).
exports.py streams their CSV and XLSX downloads (xlsx.py writes the sheet);
export_jobs.py prepares the larger ones in the background, export_views.py
shows them.
"""
