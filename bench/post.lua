-- wrk script: POST one form body with cookies (bench/run.py sets the variables).
--   BENCH_BODY    application/x-www-form-urlencoded body (with csrfmiddlewaretoken)
--   BENCH_COOKIE  Cookie header value (csrftoken=...; sessionid=...)
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
