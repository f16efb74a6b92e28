"""Database routing: one database, minus the models that have no table."""


class TablelessAppsRouter:
    """django_rq's ``Dashboard`` only hangs its screens in Django's admin and
    has no table; saying it cannot be migrated keeps it out of ``dumpdata``
    and everything else that walks every model's table."""

    tableless_apps = frozenset({"django_rq"})

    def allow_migrate(self, db, app_label, **hints):
        if app_label in self.tableless_apps:
            return False
        return None
