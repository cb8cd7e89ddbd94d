"""The client's network address: one answer for the login lock-out, the rate limits and
the staff audit log.

The audit log keeps the address itself (``client_address``). Every limit keys on
``client_network`` instead: an IPv6 address stands for its /64, because one home or
office line is given a whole /64 and a client can take a new address from it for every
request (45 wrong passwords from one /64 were 45 different "clients").

Behind reverse proxies, REMOTE_ADDR is the nearest proxy and the client is in
X-Forwarded-For. Only the entries our own proxies appended can be trusted: each proxy
appends the address it received the request from, so with HAIRTX_PROXY_COUNT trusted
proxies the client is the N-th entry counted from the right. Everything to the left of
it was sent by the client and may be made up (a "spoofed" left-most entry is ignored).
"""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    """The address in canonical form, or None; "[v6]:port" and "v4:port" lose the port
    (some load balancers add it)."""
    address = address.strip()
    if address.startswith("[") and "]" in address:
        address = address[1 : address.index("]")]
    elif address.count(":") == 1:
        address = address.partition(":")[0]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_address(request) -> str | None:
    """The client's IP address as the outermost trusted proxy saw it, else REMOTE_ADDR.

    Falls back to REMOTE_ADDR when no proxy is configured, or when the request did not
    come through all of them (fewer X-Forwarded-For entries than proxies, or an entry
    that is not an address): then no forwarded entry is trustworthy.
    """
    remote = _valid(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.HAIRTX_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",")]
    if len(hops) < proxies:
        return remote
    return _valid(hops[-proxies]) or remote


def network_of(address: str | None) -> str | None:
    """The address that stands for its network in limits: for IPv6 the first address of
    its /64 (an IPv4-mapped address is its IPv4 address), for IPv4 the address itself.
    Still a valid address, so django-axes can store it."""
    if not address:
        return None
    ip = ipaddress.ip_address(address)
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)


def client_network(request) -> str | None:
    """``client_address`` grouped as the limits count it (AXES_CLIENT_IP_CALLABLE)."""
    return network_of(client_address(request))
