-- The allocation of a target over the direct children of its org unit (PUT .../allocation): the children
-- and the values they were given, in the order given. Re-allocating replaces these rows in one transaction.
-- org_unit carries no foreign key: the child's own target (which does) is what ties the unit down.
create table target_allocation (
    target_id bigint  not null references target (id) on delete cascade,
    seq       integer not null,
    org_unit  text    not null,
    value     numeric not null,
    primary key (target_id, seq)
);
