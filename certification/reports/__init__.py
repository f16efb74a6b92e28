"""HR's and hub managers' certificate reports: every certificate, and those
that lapse within a number of days. Built on lms.reports."""
