-- Global search: one row per searchable record in search_docs, indexed by the FTS5 table
-- search_fts (external content). Triggers on every source table keep both in step, so every
-- writer (the services, bulk import, the seed, a hand-run SQL fix) is covered.
-- Phones are indexed as their digits and their last ten digits; codes also without separators.
CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  event_id TEXT,
  title TEXT NOT NULL,
  subtitle TEXT,
  terms TEXT NOT NULL DEFAULT ''
);
--> statement-breakpoint
CREATE UNIQUE INDEX search_docs_ref_uq ON search_docs (kind, ref_id);
--> statement-breakpoint
CREATE INDEX search_docs_event_idx ON search_docs (event_id);
--> statement-breakpoint
CREATE VIRTUAL TABLE search_fts USING fts5(title, subtitle, terms, content='search_docs', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
--> statement-breakpoint
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN INSERT INTO search_fts (rowid, title, subtitle, terms) VALUES (new.id, new.title, new.subtitle, new.terms); END;
--> statement-breakpoint
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN INSERT INTO search_fts (search_fts, rowid, title, subtitle, terms) VALUES ('delete', old.id, old.title, old.subtitle, old.terms); END;
--> statement-breakpoint
CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN INSERT INTO search_fts (search_fts, rowid, title, subtitle, terms) VALUES ('delete', old.id, old.title, old.subtitle, old.terms); INSERT INTO search_fts (rowid, title, subtitle, terms) VALUES (new.id, new.title, new.subtitle, new.terms); END;
--> statement-breakpoint
CREATE TRIGGER leads_search_ai AFTER INSERT ON leads BEGIN INSERT INTO search_docs (kind, ref_id, event_id, title, subtitle, terms) VALUES ('lead', new.id, NULL, new.name, new.code || coalesce(' · ' || new.city, ''), new.code || ' ' || replace(replace(coalesce(new.code,''),'-',''),'/','') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.','') || ' ' || substr(replace(replace(replace(replace(replace(replace(coalesce(new.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.',''), -10) || ' ' || coalesce(new.email,'')); END;
--> statement-breakpoint
CREATE TRIGGER leads_search_au AFTER UPDATE OF name, code, phone, email, city ON leads BEGIN UPDATE search_docs SET event_id = NULL, title = new.name, subtitle = new.code || coalesce(' · ' || new.city, ''), terms = new.code || ' ' || replace(replace(coalesce(new.code,''),'-',''),'/','') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.','') || ' ' || substr(replace(replace(replace(replace(replace(replace(coalesce(new.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.',''), -10) || ' ' || coalesce(new.email,'') WHERE kind = 'lead' AND ref_id = new.id; END;
--> statement-breakpoint
CREATE TRIGGER leads_search_ad AFTER DELETE ON leads BEGIN DELETE FROM search_docs WHERE kind = 'lead' AND ref_id = old.id; END;
--> statement-breakpoint
INSERT INTO search_docs (kind, ref_id, event_id, title, subtitle, terms) SELECT 'lead', r.id, NULL, r.name, r.code || coalesce(' · ' || r.city, ''), r.code || ' ' || replace(replace(coalesce(r.code,''),'-',''),'/','') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(r.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.','') || ' ' || substr(replace(replace(replace(replace(replace(replace(coalesce(r.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.',''), -10) || ' ' || coalesce(r.email,'') FROM leads r;
--> statement-breakpoint
CREATE TRIGGER clients_search_ai AFTER INSERT ON clients BEGIN INSERT INTO search_docs (kind, ref_id, event_id, title, subtitle, terms) VALUES ('client', new.id, NULL, new.name, new.code || coalesce(' · ' || new.gstin, ''), new.code || ' ' || replace(replace(coalesce(new.code,''),'-',''),'/','') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.','') || ' ' || substr(replace(replace(replace(replace(replace(replace(coalesce(new.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.',''), -10) || ' ' || coalesce(new.email,'') || ' ' || coalesce(new.gstin,'') || ' ' || coalesce(new.billing_name,'')); END;
--> statement-breakpoint
CREATE TRIGGER clients_search_au AFTER UPDATE OF name, code, phone, email, gstin, billing_name ON clients BEGIN UPDATE search_docs SET event_id = NULL, title = new.name, subtitle = new.code || coalesce(' · ' || new.gstin, ''), terms = new.code || ' ' || replace(replace(coalesce(new.code,''),'-',''),'/','') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.','') || ' ' || substr(replace(replace(replace(replace(replace(replace(coalesce(new.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.',''), -10) || ' ' || coalesce(new.email,'') || ' ' || coalesce(new.gstin,'') || ' ' || coalesce(new.billing_name,'') WHERE kind = 'client' AND ref_id = new.id; END;
--> statement-breakpoint
CREATE TRIGGER clients_search_ad AFTER DELETE ON clients BEGIN DELETE FROM search_docs WHERE kind = 'client' AND ref_id = old.id; END;
--> statement-breakpoint
INSERT INTO search_docs (kind, ref_id, event_id, title, subtitle, terms) SELECT 'client', r.id, NULL, r.name, r.code || coalesce(' · ' || r.gstin, ''), r.code || ' ' || replace(replace(coalesce(r.code,''),'-',''),'/','') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(r.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.','') || ' ' || substr(replace(replace(replace(replace(replace(replace(coalesce(r.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.',''), -10) || ' ' || coalesce(r.email,'') || ' ' || coalesce(r.gstin,'') || ' ' || coalesce(r.billing_name,'') FROM clients r;
--> statement-breakpoint
CREATE TRIGGER events_search_ai AFTER INSERT ON events BEGIN INSERT INTO search_docs (kind, ref_id, event_id, title, subtitle, terms) VALUES ('event', new.id, new.id, new.name, new.code || ' · ' || new.city || coalesce(' · ' || new.venue, ''), new.code || ' ' || replace(replace(coalesce(new.code,''),'-',''),'/','')); END;
--> statement-breakpoint
CREATE TRIGGER events_search_au AFTER UPDATE OF name, code, city, venue, client_id, start_date ON events BEGIN UPDATE search_docs SET event_id = new.id, title = new.name, subtitle = new.code || ' · ' || new.city || coalesce(' · ' || new.venue, ''), terms = new.code || ' ' || replace(replace(coalesce(new.code,''),'-',''),'/','') WHERE kind = 'event' AND ref_id = new.id; END;
--> statement-breakpoint
CREATE TRIGGER events_search_ad AFTER DELETE ON events BEGIN DELETE FROM search_docs WHERE kind = 'event' AND ref_id = old.id; END;
--> statement-breakpoint
INSERT INTO search_docs (kind, ref_id, event_id, title, subtitle, terms) SELECT 'event', r.id, r.id, r.name, r.code || ' · ' || r.city || coalesce(' · ' || r.venue, ''), r.code || ' ' || replace(replace(coalesce(r.code,''),'-',''),'/','') FROM events r;
--> statement-breakpoint
CREATE TRIGGER vendors_search_ai AFTER INSERT ON vendors BEGIN INSERT INTO search_docs (kind, ref_id, event_id, title, subtitle, terms) VALUES ('vendor', new.id, NULL, new.name, new.code || ' · ' || new.category || coalesce(' · ' || new.city, ''), new.code || ' ' || replace(replace(coalesce(new.code,''),'-',''),'/','') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.','') || ' ' || substr(replace(replace(replace(replace(replace(replace(coalesce(new.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.',''), -10) || ' ' || coalesce(new.email,'') || ' ' || coalesce(new.gstin,'') || ' ' || coalesce(new.contact_name,'')); END;
--> statement-breakpoint
CREATE TRIGGER vendors_search_au AFTER UPDATE OF name, code, category, contact_name, phone, email, gstin, city ON vendors BEGIN UPDATE search_docs SET event_id = NULL, title = new.name, subtitle = new.code || ' · ' || new.category || coalesce(' · ' || new.city, ''), terms = new.code || ' ' || replace(replace(coalesce(new.code,''),'-',''),'/','') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.','') || ' ' || substr(replace(replace(replace(replace(replace(replace(coalesce(new.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.',''), -10) || ' ' || coalesce(new.email,'') || ' ' || coalesce(new.gstin,'') || ' ' || coalesce(new.contact_name,'') WHERE kind = 'vendor' AND ref_id = new.id; END;
--> statement-breakpoint
CREATE TRIGGER vendors_search_ad AFTER DELETE ON vendors BEGIN DELETE FROM search_docs WHERE kind = 'vendor' AND ref_id = old.id; END;
--> statement-breakpoint
INSERT INTO search_docs (kind, ref_id, event_id, title, subtitle, terms) SELECT 'vendor', r.id, NULL, r.name, r.code || ' · ' || r.category || coalesce(' · ' || r.city, ''), r.code || ' ' || replace(replace(coalesce(r.code,''),'-',''),'/','') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(r.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.','') || ' ' || substr(replace(replace(replace(replace(replace(replace(coalesce(r.phone,''),'+',''),' ',''),'-',''),'(',''),')',''),'.',''), -10) || ' ' || coalesce(r.email,'') || ' ' || coalesce(r.gstin,'') || ' ' || coalesce(r.contact_name,'') FROM vendors r;
--> statement-breakpoint
CREATE TRIGGER quotes_search_ai AFTER INSERT ON quotes BEGIN INSERT INTO search_docs (kind, ref_id, event_id, title, subtitle, terms) VALUES ('quote', new.id, new.event_id, new.code, coalesce((SELECT name FROM clients WHERE id = new.client_id), (SELECT name FROM leads WHERE id = new.lead_id)), replace(replace(coalesce(new.code,''),'-',''),'/','')); END;
--> statement-breakpoint
CREATE TRIGGER quotes_search_au AFTER UPDATE OF code, event_id, client_id, lead_id ON quotes BEGIN UPDATE search_docs SET event_id = new.event_id, title = new.code, subtitle = coalesce((SELECT name FROM clients WHERE id = new.client_id), (SELECT name FROM leads WHERE id = new.lead_id)), terms = replace(replace(coalesce(new.code,''),'-',''),'/','') WHERE kind = 'quote' AND ref_id = new.id; END;
--> statement-breakpoint
CREATE TRIGGER quotes_search_ad AFTER DELETE ON quotes BEGIN DELETE FROM search_docs WHERE kind = 'quote' AND ref_id = old.id; END;
--> statement-breakpoint
INSERT INTO search_docs (kind, ref_id, event_id, title, subtitle, terms) SELECT 'quote', r.id, r.event_id, r.code, coalesce((SELECT name FROM clients WHERE id = r.client_id), (SELECT name FROM leads WHERE id = r.lead_id)), replace(replace(coalesce(r.code,''),'-',''),'/','') FROM quotes r;
--> statement-breakpoint
CREATE TRIGGER payments_search_ai AFTER INSERT ON payments BEGIN INSERT INTO search_docs (kind, ref_id, event_id, title, subtitle, terms) VALUES ('payment', new.id, new.event_id, new.code, coalesce((SELECT name FROM clients WHERE id = new.client_id),'') || coalesce(' · ' || new.reference, ''), replace(replace(coalesce(new.code,''),'-',''),'/','') || ' ' || coalesce(new.reference,'')); END;
--> statement-breakpoint
CREATE TRIGGER payments_search_au AFTER UPDATE OF code, event_id, client_id, reference ON payments BEGIN UPDATE search_docs SET event_id = new.event_id, title = new.code, subtitle = coalesce((SELECT name FROM clients WHERE id = new.client_id),'') || coalesce(' · ' || new.reference, ''), terms = replace(replace(coalesce(new.code,''),'-',''),'/','') || ' ' || coalesce(new.reference,'') WHERE kind = 'payment' AND ref_id = new.id; END;
--> statement-breakpoint
CREATE TRIGGER payments_search_ad AFTER DELETE ON payments BEGIN DELETE FROM search_docs WHERE kind = 'payment' AND ref_id = old.id; END;
--> statement-breakpoint
INSERT INTO search_docs (kind, ref_id, event_id, title, subtitle, terms) SELECT 'payment', r.id, r.event_id, r.code, coalesce((SELECT name FROM clients WHERE id = r.client_id),'') || coalesce(' · ' || r.reference, ''), replace(replace(coalesce(r.code,''),'-',''),'/','') || ' ' || coalesce(r.reference,'') FROM payments r;
