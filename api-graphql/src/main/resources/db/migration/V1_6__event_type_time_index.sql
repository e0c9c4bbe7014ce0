-- The fleet as of a past instant reads the asset events up to that instant (query-side FleetHistory): a range scan
-- of one aggregate type by time, instead of every event of the store.
CREATE INDEX domain_event_entry_type_time ON domain_event_entry (type, time_stamp);
