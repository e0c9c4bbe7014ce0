-- The simulated exchange's order book (org.vpp.api.bidding.SimulatedExchange): the market's side of a bid, kept
-- apart from the event store as a real exchange would keep it. An order is placed once per bid id; at its gate
-- closure the exchange clears it and writes the answer into the same rows, which are then final; the application
-- acknowledges the answer once the bid has it.

CREATE TABLE exchange_order (
    bid_id          VARCHAR(40) COLLATE "C" PRIMARY KEY,
    gate_closure    TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ NOT NULL,
    cleared_at      TIMESTAMPTZ,
    acknowledged_at TIMESTAMPTZ,
    CHECK (acknowledged_at IS NULL OR cleared_at IS NOT NULL)
);
-- What is still to clear or to hand over.
CREATE INDEX exchange_order_open ON exchange_order (gate_closure) WHERE acknowledged_at IS NULL;

-- One row per delivery slot of the order, in the bid's order; cleared_mw and clearing_price are set together at
-- clearing (sign of cleared_mw as in the bid: positive sold, negative bought).
CREATE TABLE exchange_order_slot (
    bid_id         VARCHAR(40) COLLATE "C" NOT NULL REFERENCES exchange_order (bid_id),
    slot_index     INTEGER          NOT NULL,
    slot_start     TIMESTAMPTZ      NOT NULL,
    quantity_mw    DOUBLE PRECISION NOT NULL,
    limit_price    DOUBLE PRECISION NOT NULL,
    cleared_mw     DOUBLE PRECISION,
    clearing_price DOUBLE PRECISION,
    PRIMARY KEY (bid_id, slot_index),
    CHECK ((cleared_mw IS NULL) = (clearing_price IS NULL))
);
