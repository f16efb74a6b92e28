"""Start signing credentials with a new key; keep the old public key."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from certification import badges


class Command(BaseCommand):
    help = (
        "Rotate the key that signs Open Badges credentials. The old public key "
        "moves to the retired keys folder, so credentials it signed still verify."
    )

    def handle(self, *args, **options):
        source, path = badges.key_source()
        if source == "env":
            raise CommandError(
                _(
                    "The signing key comes from the %(variable)s environment "
                    "variable, so it cannot be rotated here. Replace it in your "
                    "secret store, and put the old public key in %(folder)s."
                )
                % {"variable": badges.ENV_VAR, "folder": badges.retired_keys_dir()}
            )
        old_kid = None
        if path.exists():
            old = badges.signing_key().public_key()
            old_kid = badges.thumbprint(old)
            folder = badges.retired_keys_dir()
            folder.mkdir(parents=True, exist_ok=True)
            # Retire the public key first: a credential must never lose the key
            # that verifies it, whatever step fails.
            (folder / f"{old_kid}.pem").write_bytes(badges.public_pem(old))
        new = badges.generate_private_key()
        badges.write_private_key(path, new)
        new_kid = badges.thumbprint(new.public_key())
        if old_kid:
            message = _("Retired key %(old)s; now signing with key %(new)s.") % {
                "old": old_kid,
                "new": new_kid,
            }
        else:
            message = _("Now signing with key %(new)s.") % {"new": new_kid}
        self.stdout.write(self.style.SUCCESS(message))
