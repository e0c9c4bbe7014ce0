-- The setpoints dispatches send to devices (org.vpp.api.dispatch.DeviceSetpointStore): the outbox the devices read.
-- The simulator's twins read it every step; a real device gateway would read it the same way. A row is one device's
-- setpoint for one slot of one dispatch: absolute for a MARKET dispatch, a delta on top of it for a MANUAL one. It is
-- written once, in the dispatch saga's step; a second send of the same slot (a step redone after a crash) only counts
-- up `sends`, so a duplicate is visible instead of silent. A withdrawn dispatch (cancelled, or a re-dispatch
-- replacing it) keeps its rows, marked from when they no longer apply.
CREATE TABLE device_setpoint (
    dispatch_id    VARCHAR(100) COLLATE "C" NOT NULL,
    asset_id       VARCHAR(64) COLLATE "C"  NOT NULL,
    slot_start     TIMESTAMPTZ      NOT NULL,
    slot_end       TIMESTAMPTZ      NOT NULL,
    mode           VARCHAR(8)       NOT NULL CHECK (mode IN ('MARKET', 'MANUAL')),
    setpoint_mw    DOUBLE PRECISION NOT NULL,
    sent_at        TIMESTAMPTZ      NOT NULL,
    withdrawn_from TIMESTAMPTZ,
    sends          INT              NOT NULL DEFAULT 1,
    PRIMARY KEY (dispatch_id, slot_start, asset_id),
    CHECK (slot_end > slot_start)
);
-- What applies at an instant: slots ending after it. Setpoints go out shortly before their slot, so this range
-- holds a slot or two, however long the history.
CREATE INDEX device_setpoint_slot ON device_setpoint (slot_end, slot_start);
-- A device gateway reads its own devices' setpoints.
CREATE INDEX device_setpoint_asset ON device_setpoint (asset_id, slot_start);
