package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/stimmung/stimmung/pipeline/serve"
)

func newServeCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve --index DIR",
		Short: "Serve the HTTP API and the web page for analysts over an index",
		Long: `Serves an index to analysts and other systems: a web page to search, filter and
read the comments, see each comment's score explained, watch the dashboard and
follow up on the comments in the queue; and a JSON API under /v1 (analyze,
search, facets, report, comments, queue), /healthz and /metrics.

Safe by default: it listens on 127.0.0.1 only. On any other address it needs a
token (--token or STIMMUNG_TOKEN), which every request must then carry
(Authorization: Bearer TOKEN; a browser opens /?token=TOKEN once). It changes
nothing unless --allow-writes: then POST /v1/analyze?index=true indexes
comments and analysts can mark queue items handled (kept beside the index in
stimmung-followup.db). Stop it with Ctrl-C: requests under way finish.`,
		Example: `  stimmung serve --index idx                       # http://127.0.0.1:8080/
  stimmung serve --index idx --allow-writes --addr 127.0.0.1:9000
  STIMMUNG_TOKEN=$(openssl rand -hex 16) stimmung serve --index idx --addr 0.0.0.0:8080`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f := cmd.Flags()
			dir, _ := f.GetString("index")
			if dir == "" {
				return usageError{errors.New("serve: --index DIR is required")}
			}
			cfg, err := loadConfig(cmd, s, f)
			if err != nil {
				return err
			}
			o := serve.Options{IndexDir: dir, Config: cfg, Version: Version}
			o.Addr, _ = f.GetString("addr")
			o.Token, _ = f.GetString("token")
			if o.Token == "" {
				o.Token = lookupEnv(s.Environ, "STIMMUNG_TOKEN")
			}
			o.AllowWrites, _ = f.GetBool("allow-writes")
			o.MaxBodyBytes, _ = f.GetInt64("max-body")
			if o.MaxBodyBytes < 1 {
				return usageError{fmt.Errorf("--max-body %d: want a positive number of bytes", o.MaxBodyBytes)}
			}
			if _, _, err := net.SplitHostPort(o.Addr); err != nil {
				return usageError{fmt.Errorf("--addr %q: want HOST:PORT, as 127.0.0.1:8080", o.Addr)}
			}
			srv, err := serve.New(o)
			if errors.Is(err, serve.ErrNeedToken) || errors.Is(err, serve.ErrShardedWrites) {
				return usageError{err}
			}
			if err != nil {
				return ioError{err}
			}
			defer srv.Close()
			ln, err := net.Listen("tcp", o.Addr)
			if err != nil {
				return ioError{err}
			}
			mode := "read-only"
			if o.AllowWrites {
				mode = "writes allowed"
			}
			url := "http://" + ln.Addr().String() + "/"
			if o.Token != "" {
				url += "?token=" + o.Token
			}
			fmt.Fprintf(s.Err, "stimmung: serving %s on %s (%s); Ctrl-C stops\n", dir, url, mode)
			ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			if err := srv.ListenAndServe(ctx, ln); err != nil {
				return ioError{err}
			}
			fmt.Fprintln(s.Err, "stimmung: stopped")
			return nil
		},
	}
	f := cmd.Flags()
	f.String("index", "", "the index to serve (stimmung index)")
	f.String("addr", serve.DefaultAddr, "address to listen on; anything but loopback needs a token")
	f.String("token", "", "token every request must carry (default: $STIMMUNG_TOKEN)")
	f.Bool("allow-writes", false, "let clients index comments and mark follow-up items")
	f.Int64("max-body", serve.DefaultMaxBodyBytes, "largest request body in bytes")
	addConfigFlags(f)
	return cmd
}

// lookupEnv finds name in an environment list (KEY=VALUE).
func lookupEnv(environ []string, name string) string {
	for _, kv := range environ {
		if len(kv) > len(name) && kv[:len(name)] == name && kv[len(name)] == '=' {
			return kv[len(name)+1:]
		}
	}
	return ""
}
