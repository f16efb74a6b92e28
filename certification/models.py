# Certification definitions and certificates arrive with the certification issue.
