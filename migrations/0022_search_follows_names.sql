-- Search follows renames of the names other records carry (issue 14): a quote's and a payment's
-- result line shows its client's name (a quote before conversion, its lead's), copied when the
-- record was indexed. Renaming the client or the lead now rewrites those lines too, so the new
-- name finds them and the old one no longer does. (search_docs_au re-indexes FTS on each update.)
CREATE TRIGGER clients_search_names_au AFTER UPDATE OF name ON clients BEGIN UPDATE search_docs SET subtitle = new.name WHERE kind = 'quote' AND ref_id IN (SELECT id FROM quotes WHERE client_id = new.id); UPDATE search_docs SET subtitle = new.name || coalesce(' · ' || (SELECT reference FROM payments WHERE payments.id = search_docs.ref_id), '') WHERE kind = 'payment' AND ref_id IN (SELECT id FROM payments WHERE client_id = new.id); END;
--> statement-breakpoint
CREATE TRIGGER leads_search_names_au AFTER UPDATE OF name ON leads BEGIN UPDATE search_docs SET subtitle = new.name WHERE kind = 'quote' AND ref_id IN (SELECT id FROM quotes WHERE lead_id = new.id AND client_id IS NULL); END;
--> statement-breakpoint
-- Lines already stale from earlier renames are rewritten once.
UPDATE search_docs SET subtitle = coalesce((SELECT name FROM clients WHERE id = (SELECT client_id FROM quotes WHERE quotes.id = search_docs.ref_id)), (SELECT name FROM leads WHERE id = (SELECT lead_id FROM quotes WHERE quotes.id = search_docs.ref_id))) WHERE kind = 'quote';
--> statement-breakpoint
UPDATE search_docs SET subtitle = coalesce((SELECT name FROM clients WHERE id = (SELECT client_id FROM payments WHERE payments.id = search_docs.ref_id)), '') || coalesce(' · ' || (SELECT reference FROM payments WHERE payments.id = search_docs.ref_id), '') WHERE kind = 'payment';
