"""Where the client's address comes from, for the lockout and the API's rate limits (docs/adr/0091).

One setting, the number of reverse proxies in front of Driehoek (AXES_IPWARE_PROXY_COUNT in the
environment), gives both. Each proxy appends the address it received the request from to
X-Forwarded-For, so behind N proxies the client is the N-th entry from the right; whatever the
client wrote itself stands further left and is ignored. Without proxies X-Forwarded-For is ignored.
"""


def proxy_settings(count: int) -> dict:
    if count <= 0:
        return {
            "AXES_IPWARE_PROXY_COUNT": None,
            "AXES_IPWARE_META_PRECEDENCE_ORDER": ("REMOTE_ADDR",),
            "IPWARE_STRICT": True,
            "NINJA_NUM_PROXIES": 0,
        }
    return {
        # django-ipware counts the proxies listed in X-Forwarded-For; the nearest one is not listed
        # there (it is REMOTE_ADDR), so its count is one less than ours.
        "AXES_IPWARE_PROXY_COUNT": count - 1,
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR",),
        # Not strict: a client may send X-Forwarded-For entries of its own (its office proxy, or
        # made up); they stand left of what our proxies added and are skipped, not a reason to
        # give up on the address (which would put all such clients in one lockout bucket).
        "IPWARE_STRICT": False,
        "NINJA_NUM_PROXIES": count,
    }
