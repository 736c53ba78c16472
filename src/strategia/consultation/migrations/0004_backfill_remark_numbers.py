"""Remarks stored before numbering: their consultation (from the submission) and consecutive numbers, in the order
they were registered; submissions likewise."""

from django.db import migrations, models


def backfill(apps, schema_editor):
    Submission = apps.get_model("consultation", "Submission")
    Remark = apps.get_model("consultation", "Remark")
    counters: dict[int, int] = {}
    for submission in Submission.objects.order_by("consultation_id", "created_at", "id"):
        counters[submission.consultation_id] = counters.get(submission.consultation_id, 0) + 1
        submission.number = counters[submission.consultation_id]
        submission.save(update_fields=["number"])
    remark_counters: dict[int, int] = {}
    for remark in Remark.objects.select_related("submission").order_by(
            "submission__consultation_id", "submission__created_at", "submission_id", "position", "id"):
        consultation_id = remark.submission.consultation_id
        remark_counters[consultation_id] = remark_counters.get(consultation_id, 0) + 1
        remark.consultation_id = consultation_id
        remark.number = remark_counters[consultation_id]
        remark.save(update_fields=["consultation", "number"])


class Migration(migrations.Migration):
    dependencies = [("consultation", "0003_screening_answers_addressees_report")]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="remark", name="consultation",
            field=models.ForeignKey(on_delete=models.deletion.PROTECT, related_name="remarks",
                                    to="consultation.consultation"),
        ),
    ]
