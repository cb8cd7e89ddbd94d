"""Object storage chosen by environment variables (hairtx/object_storage.py), and what
django-storages' S3 backend does with those options against moto's S3 (in process)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from moto import mock_aws

from hairtx.object_storage import default_storage_from_environment

BUCKET = "hairtx-test"
S3_ENV = {
    "HAIRTX_S3_BUCKET": BUCKET,
    "HAIRTX_S3_REGION": "eu-west-2",
    "HAIRTX_S3_ACCESS_KEY_ID": "test-key",
    "HAIRTX_S3_SECRET_ACCESS_KEY": "test-secret",
}


class TestChoosingTheStorage:
    def test_without_variables_files_stay_on_the_local_disk(self):
        assert default_storage_from_environment({}) == {
            "BACKEND": "django.core.files.storage.FileSystemStorage"
        }
        assert default_storage_from_environment({"HAIRTX_S3_BUCKET": ""})["BACKEND"] == (
            "django.core.files.storage.FileSystemStorage"
        )

    def test_a_bucket_switches_to_s3_with_private_objects(self):
        chosen = default_storage_from_environment(
            {**S3_ENV, "HAIRTX_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
             "HAIRTX_S3_PREFIX": "/clinic-a/"}
        )
        assert chosen["BACKEND"] == "storages.backends.s3.S3Storage"
        options = chosen["OPTIONS"]
        assert options["bucket_name"] == BUCKET
        assert options["endpoint_url"] == "http://127.0.0.1:9000"
        assert options["region_name"] == "eu-west-2"
        assert (options["access_key"], options["secret_key"]) == ("test-key", "test-secret")
        assert options["location"] == "clinic-a"
        assert options["default_acl"] is None
        assert options["file_overwrite"] is False
        assert options["object_parameters"] == {
            "CacheControl": "private, no-store", "ContentDisposition": "attachment"}
        config = options["client_config"]
        # An endpoint means an S3-compatible server: path-style addresses.
        assert config.s3 == {"addressing_style": "path"}
        assert config.signature_version == "s3v4"
        assert (config.connect_timeout, config.read_timeout) == (5, 5)
        assert config.retries == {"max_attempts": 2, "mode": "standard"}

    def test_without_keys_boto3_finds_the_servers_own_credentials(self):
        options = default_storage_from_environment({"HAIRTX_S3_BUCKET": BUCKET})["OPTIONS"]
        assert options["access_key"] is None and options["secret_key"] is None
        assert options["endpoint_url"] is None  # AWS itself
        assert options["client_config"].s3 == {"addressing_style": "auto"}

    def test_timeout_and_addressing_style_can_be_set(self):
        options = default_storage_from_environment(
            {**S3_ENV, "HAIRTX_S3_TIMEOUT": "12", "HAIRTX_S3_ADDRESSING_STYLE": "virtual"}
        )["OPTIONS"]
        assert options["client_config"].connect_timeout == 12
        assert options["client_config"].s3 == {"addressing_style": "virtual"}

    @pytest.mark.parametrize(
        ("environ", "message"),
        [
            ({"HAIRTX_S3_ENDPOINT_URL": "http://127.0.0.1:9000"},
             "HAIRTX_S3_ENDPOINT_URL set without HAIRTX_S3_BUCKET"),
            ({"HAIRTX_S3_BUCKET": BUCKET, "HAIRTX_S3_ACCESS_KEY_ID": "only-the-id"},
             "or neither"),
            ({**S3_ENV, "HAIRTX_S3_TIMEOUT": "soon"}, "HAIRTX_S3_TIMEOUT must be"),
            ({**S3_ENV, "HAIRTX_S3_TIMEOUT": "0"}, "HAIRTX_S3_TIMEOUT must be"),
            ({**S3_ENV, "HAIRTX_S3_ADDRESSING_STYLE": "dns"}, "path, virtual or auto"),
        ],
    )
    def test_a_half_configuration_is_refused_at_start_up(self, environ, message):
        with pytest.raises(ImproperlyConfigured, match=message):
            default_storage_from_environment(environ)


@pytest.fixture
def s3_storage(settings):
    """The site's default storage on moto's in-process S3, configured as a clinic would."""
    with mock_aws():
        import boto3

        boto3.client("s3", region_name="eu-west-2").create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
        settings.STORAGES = {**settings.STORAGES,
                             "default": default_storage_from_environment(S3_ENV)}
        yield boto3.client("s3", region_name="eu-west-2")


class TestS3Storage:
    def test_objects_are_private_and_not_cacheable(self, s3_storage):
        name = default_storage.save("summaries/a.pdf", ContentFile(b"%PDF-1.7 test"))
        grants = s3_storage.get_object_acl(Bucket=BUCKET, Key=name)["Grants"]
        assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]
        assert all(grant["Grantee"]["Type"] == "CanonicalUser" for grant in grants)
        head = s3_storage.head_object(Bucket=BUCKET, Key=name)
        assert head["CacheControl"] == "private, no-store"
        assert head["ContentDisposition"] == "attachment"
        assert head["ContentType"] == "application/pdf"

    def test_save_read_unique_names_and_delete(self, s3_storage):
        first = default_storage.save("summaries/same.pdf", ContentFile(b"one"))
        second = default_storage.save("summaries/same.pdf", ContentFile(b"two"))
        assert first != second  # never overwritten in place
        with default_storage.open(first, "rb") as stored:
            assert stored.read() == b"one"
        default_storage.delete(first)
        assert not default_storage.exists(first)
        assert default_storage.exists(second)

    @pytest.mark.django_db
    def test_a_patient_pdf_is_stored_in_the_bucket_and_served_through_the_app(
        self, s3_storage, client
    ):
        from tests.assessments.factories import make_assessment

        assessment = make_assessment()
        response = client.get(f"/summary/{assessment.token}/pdf/")
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        body = b"".join(response.streaming_content)
        assessment.refresh_from_db()
        stored = s3_storage.get_object(Bucket=BUCKET, Key=assessment.pdf_name)["Body"].read()
        assert body == stored and body.startswith(b"%PDF")
        assert assessment.token not in assessment.pdf_name

    @pytest.mark.django_db
    def test_purge_sweeps_orphaned_pdfs_from_the_bucket(self, s3_storage, monkeypatch):
        from django.utils import timezone

        from assessments import pdf
        from tests.assessments.factories import make_assessment

        kept = make_assessment()
        pdf.summary_pdf_ensure(assessment=kept)
        orphan = default_storage.save("summaries/orphan.pdf", ContentFile(b"%PDF-1.7"))
        assert pdf.orphaned_pdfs_delete(now=timezone.now()) == 0  # too new: may be in use
        monkeypatch.setattr(pdf, "ORPHAN_MIN_AGE", timedelta(0))
        assert pdf.orphaned_pdfs_delete(now=timezone.now()) == 1
        listed = s3_storage.list_objects_v2(Bucket=BUCKET)["Contents"]
        assert [item["Key"] for item in listed] == [kept.pdf_name]
        assert orphan != kept.pdf_name
