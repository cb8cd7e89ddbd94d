"""Behind a simulated reverse proxy: whose address counts, and which headers are believed.

The proxy is 10.0.0.1 (REMOTE_ADDR); it appends the address it received the request from
to X-Forwarded-For, after anything the client sent itself.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from assessments.models import AuditEvent
from hairtx.addresses import client_address
from tests.assessments.factories import make_assessment, make_staff, make_user

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
PASSWORD = "a long test password"


def behind_proxy(client_ip: str, spoofed: str = "") -> dict:
    """Request headers as our proxy passes them on for a client at ``client_ip``."""
    forwarded = f"{spoofed}, {client_ip}" if spoofed else client_ip
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}


@pytest.fixture
def one_proxy(settings):
    settings.HAIRTX_PROXY_COUNT = 1


class TestClientAddress:
    def request(self, **meta):
        return RequestFactory().get("/", **meta)

    def test_without_a_proxy_forwarded_headers_are_ignored(self, settings):
        settings.HAIRTX_PROXY_COUNT = 0
        request = self.request(REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="203.0.113.9")
        assert client_address(request) == "198.51.100.4"

    def test_one_proxy_gives_the_address_it_saw(self, one_proxy):
        assert client_address(self.request(**behind_proxy("203.0.113.9"))) == "203.0.113.9"

    def test_spoofed_left_most_entries_are_ignored(self, one_proxy):
        request = self.request(**behind_proxy("203.0.113.9", spoofed="1.2.3.4, 5.6.7.8"))
        assert client_address(request) == "203.0.113.9"

    def test_two_proxies_count_from_the_right(self, settings):
        settings.HAIRTX_PROXY_COUNT = 2
        request = self.request(REMOTE_ADDR=PROXY,
                               HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9, 10.0.0.2")
        assert client_address(request) == "203.0.113.9"

    def test_too_few_entries_or_junk_fall_back_to_the_peer(self, settings):
        settings.HAIRTX_PROXY_COUNT = 2
        assert client_address(self.request(REMOTE_ADDR=PROXY,
                                           HTTP_X_FORWARDED_FOR="203.0.113.9")) == PROXY
        settings.HAIRTX_PROXY_COUNT = 1
        assert client_address(self.request(REMOTE_ADDR=PROXY,
                                           HTTP_X_FORWARDED_FOR="not-an-ip")) == PROXY

    def test_ipv6_is_normalised(self, one_proxy):
        request = self.request(**behind_proxy("2001:DB8:0:0::1"))
        assert client_address(request) == "2001:db8::1"

    @pytest.mark.parametrize(("entry", "address"), [("203.0.113.9:51234", "203.0.113.9"),
                                                    ("[2001:db8::1]:443", "2001:db8::1")])
    def test_ports_added_by_a_load_balancer_are_dropped(self, one_proxy, entry, address):
        assert client_address(self.request(**behind_proxy(entry))) == address


@pytest.mark.parametrize("login_url", ["/staff/login/", "/admin/login/"])
def test_failures_from_one_address_do_not_lock_out_another(one_proxy, settings, login_url):
    """The attack: wrong passwords for a colleague's username, from anywhere."""
    make_user("nurse", group="Clinic staff", is_staff=True)  # the admin wants Staff status
    attacker, colleague = Client(), Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        attacker.post(login_url, {"username": "nurse", "password": "wrong"},
                      **behind_proxy("198.51.100.66"))
    locked = attacker.post(login_url, {"username": "nurse", "password": PASSWORD},
                           **behind_proxy("198.51.100.66"))
    assert locked.status_code == 429
    response = colleague.post(login_url, {"username": "nurse", "password": PASSWORD},
                              **behind_proxy("203.0.113.20"))
    assert response.status_code == 302


def test_a_spoofed_forwarded_entry_does_not_escape_the_lock_out(one_proxy, settings):
    make_staff("nurse")
    client = Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post("/staff/login/", {"username": "nurse", "password": "wrong"},
                    **behind_proxy("198.51.100.66", spoofed=f"192.0.2.{attempt}"))
    response = client.post("/staff/login/", {"username": "nurse", "password": PASSWORD},
                           **behind_proxy("198.51.100.66", spoofed="192.0.2.200"))
    assert response.status_code == 429


def test_audit_log_records_the_client_not_the_proxy(one_proxy, client):
    assessment = make_assessment()
    client.force_login(make_staff())
    client.get(reverse("staff:detail", args=[assessment.reference_code]),
               **behind_proxy("203.0.113.7", spoofed="6.6.6.6"))
    assert AuditEvent.objects.get().ip_address == "203.0.113.7"


def test_rate_limits_count_each_client_behind_the_proxy(one_proxy, settings, client):
    settings.HAIRTX_RATE_LIMITS = {**settings.HAIRTX_RATE_LIMITS, "start": (1, 3600)}
    start = reverse("assessments:start")
    assert client.post(start, **behind_proxy("203.0.113.1")).status_code == 302
    assert client.post(start, **behind_proxy("203.0.113.1", spoofed="9.9.9.9")).status_code == 429
    assert client.post(start, **behind_proxy("203.0.113.2")).status_code == 302


PROJECT_ROOT = Path(__file__).resolve().parent.parent


def settings_value(tmp_path, name: str, **env) -> str:
    """A setting as the project computes it from these environment variables."""
    result = subprocess.run(
        [sys.executable, "-c",
         f"import django; django.setup(); from django.conf import settings; "
         f"print(repr(settings.{name}))"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "hairtx.settings",
             "HAIRTX_VAR_DIR": str(tmp_path), **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_forwarded_proto_is_believed_only_behind_a_proxy(tmp_path):
    assert settings_value(tmp_path, "SECURE_PROXY_SSL_HEADER", HAIRTX_PROXY_COUNT="0") == "None"
    assert settings_value(tmp_path, "SECURE_PROXY_SSL_HEADER", HAIRTX_PROXY_COUNT="1") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_a_client_claiming_https_is_not_believed_without_a_proxy(client, settings):
    """With no proxy configured, X-Forwarded-Proto from a client changes nothing."""
    settings.SECURE_PROXY_SSL_HEADER = None  # what HAIRTX_PROXY_COUNT=0 gives (above)
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_health_probes_over_plain_http_get_no_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


# --- issue 22, finding 7: IPv6 per /64, and a per-account limit that locks nobody out ----

def v6(host: int, network: int = 2) -> str:
    return f"2001:db8:0:{network:x}::{host:x}"


def test_ipv6_counts_per_64_in_limits_and_stays_whole_in_the_audit_log(one_proxy):
    from hairtx.addresses import network_of

    assert network_of("2001:db8:0:2:aaaa:bbbb:cccc:dddd") == "2001:db8:0:2::"
    assert network_of(v6(1)) == network_of(v6(0xFFFF)) != network_of(v6(1, network=3))
    assert network_of("::ffff:198.51.100.7") == "198.51.100.7"
    assert network_of("198.51.100.7") == "198.51.100.7" and network_of(None) is None
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=v6(9))
    assert client_address(request) == "2001:db8:0:2::9"  # what the audit log keeps


@pytest.mark.parametrize("login_url", ["/staff/login/", "/admin/login/"])
def test_wrong_passwords_from_one_ipv6_64_lock_it_out(one_proxy, settings, login_url):
    """The attack: a new address of the same /64 for every guess."""
    make_user("nurse", group="Clinic staff", is_staff=True)
    client = Client()
    for host in range(1, settings.AXES_FAILURE_LIMIT + 2):
        client.post(login_url, {"username": "nurse", "password": "wrong"},
                    **behind_proxy(v6(host)))
    locked = client.post(login_url, {"username": "nurse", "password": PASSWORD},
                         **behind_proxy(v6(0x999)))
    assert locked.status_code == 429
    elsewhere = Client().post(login_url, {"username": "nurse", "password": PASSWORD},
                              **behind_proxy(v6(1, network=7)))
    assert elsewhere.status_code == 302


def test_password_spraying_from_one_ipv6_64_is_limited(one_proxy, settings):
    settings.HAIRTX_RATE_LIMITS = {**settings.HAIRTX_RATE_LIMITS, "login": (3, 3600)}
    statuses = [Client().post("/staff/login/", {"username": f"user{i}", "password": "x"},
                              **behind_proxy(v6(i + 1))).status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]


class TestPerAccountLimit:
    """Guesses for one account spread over many networks are slowed; the person still
    signs in from a network they used lately."""

    @pytest.fixture(autouse=True)
    def low_limit(self, one_proxy, settings):
        settings.HAIRTX_RATE_LIMITS = {**settings.HAIRTX_RATE_LIMITS,
                                       "login_account": (6, 86400)}
        make_staff("nurse")

    def guess_from_many_networks(self, count: int) -> None:
        for network in range(count):  # each from its own /64: neither axes nor "login" trips
            Client().post("/staff/login/", {"username": "nurse", "password": "wrong"},
                          **behind_proxy(v6(1, network=0x100 + network)))

    def sign_in(self, address: str) -> int:
        return Client().post("/staff/login/", {"username": "nurse", "password": PASSWORD},
                             **behind_proxy(address)).status_code

    def test_spread_guesses_are_refused_from_new_networks(self):
        self.guess_from_many_networks(6)
        refused = Client().post("/staff/login/", {"username": "nurse", "password": "wrong"},
                                **behind_proxy("203.0.113.99"))
        assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
        assert self.sign_in(v6(5, network=0x999)) == 429  # a new network waits, even right
        # Other accounts are not affected.
        make_staff("nurse2")
        assert Client().post("/staff/login/", {"username": "nurse2", "password": PASSWORD},
                             **behind_proxy("203.0.113.99")).status_code == 302

    def test_the_person_still_signs_in_from_their_usual_network(self):
        assert self.sign_in("198.51.100.20") == 302  # last week, say: in the access log
        self.guess_from_many_networks(10)
        assert self.sign_in("198.51.100.20") == 302
        assert self.sign_in(v6(3)) == 429  # not a network the account used

    def test_below_the_limit_nothing_changes(self):
        self.guess_from_many_networks(5)
        assert self.sign_in("203.0.113.50") == 302
