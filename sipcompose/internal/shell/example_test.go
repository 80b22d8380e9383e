package shell_test

import (
	"fmt"

	"sipcompose/sipcompose/internal/shell"
)

func ExampleQuote() {
	fmt.Println(shell.Quote("it's $HOME"))
	// Output: 'it'\''s $HOME'
}
