package main

import "github.com/spf13/cobra"

func init() { register(signoffCmd) }

func signoffCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "signoff CERT",
		Short: "Sign a certification off, only when every decision is made",
		Long: `Sign a certification off. When decisions are still missing nothing is sent and
the command fails, saying how many are made; a certification already signed
off is shown as it is.`,
		Args: argsNamed("CERT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.api()
			if err != nil {
				return err
			}
			cert, err := api.SignOffWhenComplete(a.ctx, args[0])
			if err != nil {
				return err
			}
			return printOne(a.stdout, a.outputFormat(formatTable), certColumns, cert)
		},
	}
}
