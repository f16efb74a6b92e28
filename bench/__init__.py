"""`make bench`: a synthetic organisation at the design size on PostgreSQL,
and the site's speed measured against floors in the same run (bench.run)."""
