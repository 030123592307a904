-- POST /decide for a rotating set of accounts (used by swap-under-load.sh).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
local bodies = {}
for i = 1, 200 do
  bodies[i] = string.format(
    '{"account": {"id": "swap-%d", "segment": "SMB", "plan": "TEAM", "billingCycle": "MONTHLY", "tenureDays": %d, ' ..
    '"seats": {"used": %d, "limit": 10}, "healthScore": %d, "daysSinceLastTicket": 60}, "channels": ["IN_APP", "EMAIL"], ' ..
    '"holdoutPercent": 0}', i, 60 + i, 5 + i % 6, 50 + i % 50)
end
request = function()
  counter = counter + 1
  return wrk.format(nil, "/decide", nil, bodies[(counter % #bodies) + 1])
end
