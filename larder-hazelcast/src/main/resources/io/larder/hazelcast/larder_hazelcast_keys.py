"""Django's KEY_FUNCTION for Hazelcast's memcache endpoint, as Larder's MemcacheEndpointKeys.

Hazelcast reads the text before a key's first ':' as a map name (after URL-decoding the key) and,
after an incr, answers a get under the key without it, which pymemcache rejects. This function
makes Django's 'prefix:version:key' with ':', '%', '+' and the escape '~' written as '~' and two
hex digits, so the keys hold no colon and distinct keys stay distinct.

settings.py: CACHES = {"default": {
    "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
    "LOCATION": "10.0.0.1:5701",
    "KEY_FUNCTION": "larder_hazelcast_keys.make_key"}}
"""


def make_key(key, key_prefix, version):
    made = "%s:%s:%s" % (key_prefix, version, key)
    return (
        made.replace("~", "~7E")
        .replace(":", "~3A")
        .replace("%", "~25")
        .replace("+", "~2B")
    )
