from django.contrib import admin

from strategia.processes.models import Activity, Resolution, ScheduleChange, Stage, StrategyProcess


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(StrategyProcess)
class StrategyProcessAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "status", "is_sample"]
    list_filter = ["status", "municipality"]
    inlines = [StageInline]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["__str__", "activity_type", "status", "planned_start", "planned_end"]
    list_filter = ["activity_type", "status", "stage__process"]


admin.site.register(Resolution)
admin.site.register(ScheduleChange)
