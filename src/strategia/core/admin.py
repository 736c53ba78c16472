from django.contrib import admin

from strategia.core.models import AuditEntry, Municipality, StoredEmail, TerritorialUnit


@admin.register(TerritorialUnit)
class TerritorialUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "teryt", "bdl_id", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "teryt", "bdl_id"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "executive_title", "is_sample"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["unit"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is never edited."""

    list_display = ["created_at", "actor_label", "action", "object_repr", "municipality"]
    list_filter = ["action", "municipality"]
    search_fields = ["actor_label", "object_repr", "action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(StoredEmail)
class StoredEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "subject", "municipality", "delivered"]
    search_fields = ["to", "subject"]
    readonly_fields = [f.name for f in StoredEmail._meta.fields]
