"""The public Questionnaire endpoint and the staff "Download for health record"."""

import json

import pytest
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire

from assessments import pdf
from assessments.fhir.questionnaire import intake_questionnaire
from assessments.models import AuditEvent
from tests.assessments.factories import make_assessment, make_staff, make_user

URL = "/fhir/Questionnaire/hairtx-intake"


class TestQuestionnaireEndpoint:
    """No django_db mark: any database query here would fail the test (no patient data)."""

    def test_anyone_gets_the_questionnaire_as_fhir_json(self, client):
        assert reverse("fhir:questionnaire") == URL
        response = client.get(URL)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/fhir+json"
        data = json.loads(response.content)
        assert Questionnaire.model_validate(data)
        assert data == json.loads(intake_questionnaire().model_dump_json())

    def test_it_is_cacheable_and_answers_a_conditional_get(self, client):
        response = client.get(URL)
        assert "public" in response["Cache-Control"]
        assert "max-age=3600" in response["Cache-Control"]
        again = client.get(URL, headers={"If-None-Match": response["ETag"]})
        assert again.status_code == 304

    def test_browser_form_tools_on_other_sites_may_read_it(self, client):
        response = client.get(URL, headers={"Origin": "https://forms.example"})
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response

    def test_it_is_read_only(self, client):
        assert client.post(URL).status_code == 405
        assert client.head(URL).status_code == 200


@pytest.mark.django_db
class TestStaffDownload:
    @pytest.fixture
    def assessment(self):
        return make_assessment()

    @pytest.fixture
    def staff_client(self, client):
        client.force_login(make_staff())
        return client

    def url(self, assessment):
        return reverse("staff:fhir", args=[assessment.reference_code])

    def test_staff_download_a_valid_bundle_and_it_is_audited(self, staff_client, assessment):
        response = staff_client.get(self.url(assessment))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/fhir+json"
        assert response["Content-Disposition"] == (
            f'attachment; filename="hairtx-{assessment.reference_display}.fhir.json"'
        )
        assert "no-store" in response["Cache-Control"]
        assert response["Referrer-Policy"] == "no-referrer"
        bundle = json.loads(response.content)
        assert Bundle.model_validate(bundle)
        event = AuditEvent.objects.get(action=AuditEvent.Action.FHIR_DOWNLOAD)
        assert (event.assessment, event.actor_name) == (assessment, "nurse")

    def test_the_detail_page_offers_it(self, staff_client, assessment):
        page = staff_client.get(reverse("staff:detail", args=[assessment.reference_code]))
        assert f'href="{self.url(assessment)}">Download for health record' in page.text

    def test_only_clinic_staff(self, client, assessment):
        response = client.get(self.url(assessment))
        assert response.status_code == 302
        client.force_login(make_user("visitor"))
        assert client.get(self.url(assessment)).status_code == 403
        assert not AuditEvent.objects.filter(action=AuditEvent.Action.FHIR_DOWNLOAD).exists()

    def test_unknown_code_is_404(self, staff_client):
        assert staff_client.get(reverse("staff:fhir", args=["ZZZZ2222"])).status_code == 404

    def test_a_pdf_that_cannot_be_made_gives_a_clear_503_and_no_audit(
        self, staff_client, assessment, monkeypatch
    ):
        def broken(**kwargs):
            raise RuntimeError("renderer down")

        monkeypatch.setattr(pdf, "render_summary_pdf", broken)
        response = staff_client.get(self.url(assessment))
        assert response.status_code == 503
        assert response["Retry-After"] == "60"
        assert not AuditEvent.objects.filter(action=AuditEvent.Action.FHIR_DOWNLOAD).exists()
