-- wrk script: POST a webhook-sized JSON body with Standard Webhooks-like headers (the ceiling run)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["webhook-id"] = "ceiling"
wrk.headers["webhook-timestamp"] = "1800000000"
wrk.headers["webhook-signature"] = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="
wrk.body = '{"type":"alert.new","timestamp":"2026-11-29T05:30:00Z","data":{"storyId":"afp:urn:bench:alert","revision":1,"headline":"' .. string.rep("x", 200) .. '","edition":"ar","language":"ar","direction":"rtl","urgency":"breaking"}}'
