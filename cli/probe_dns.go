//go:build !wasm

package cli

import (
	"context"
	"errors"
	"net"
	"sync"
	"time"

	"sipcompose/sipcompose/probe"
)

// lookup asks the resolver for the host's addresses and the SRV records
// the target's URI calls for, all at once, within timeout. A URI that
// names an address needs no lookup.
func lookup(ctx context.Context, t probe.Target, timeout time.Duration, r *net.Resolver) probe.DNS {
	var d probe.DNS
	if _, numeric := t.Addr(); numeric {
		return d
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	queries := t.SRVQueries()
	d.SRV = make([]probe.SRVAnswer, len(queries))
	var wg sync.WaitGroup
	wg.Go(func() {
		addrs, err := r.LookupNetIP(ctx, "ip", t.Host)
		switch {
		case isNotFound(err):
			d.NotFound = true
		case err != nil:
			d.Error = dnsError(err)
		}
		for _, a := range addrs {
			d.Addrs = append(d.Addrs, a.Unmap())
		}
	})
	for i, q := range queries {
		wg.Go(func() {
			d.SRV[i].Query = q
			d.SRV[i].Records = []probe.SRVRecord{}
			_, records, err := r.LookupSRV(ctx, "", "", q.Name)
			if err != nil && !isNotFound(err) {
				d.SRV[i].Error = dnsError(err)
			}
			for _, rec := range records {
				d.SRV[i].Records = append(d.SRV[i].Records, probe.SRVRecord{
					Target: rec.Target, Port: int(rec.Port), Priority: int(rec.Priority), Weight: int(rec.Weight),
				})
			}
		})
	}
	wg.Wait()
	return d
}

func isNotFound(err error) bool {
	var de *net.DNSError
	return errors.As(err, &de) && de.IsNotFound
}

// dnsError is a lookup's failure without the name, which the report
// already shows: "i/o timeout", "server misbehaving".
func dnsError(err error) string {
	var de *net.DNSError
	if errors.As(err, &de) {
		if de.IsTimeout {
			return "no answer in time (" + de.Err + ")"
		}
		return de.Err
	}
	return err.Error()
}
