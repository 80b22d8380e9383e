// Command gomem prints a digest of data that Go's linker lays out as many
// data segments (zero runs between non-zero bytes, strings, tables), so
// wasmdata's test can run it before and after the merge and compare.
package main

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"
)

var sparse = [8192]byte{3: 1, 40: 2, 41: 3, 700: 4, 4095: 5, 4096: 6, 8191: 7}

var table = [...]uint64{1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0xffffffffffffffff, 0, 0, 0, 0, 0, 0, 0, 0, 3}

var words = map[string]int{"alpha": 1, "beta": 2, "gamma": 3, "zero\x00\x00\x00\x00\x00\x00\x00\x00\x00byte": 4}

func main() {
	h := fnv.New64a()
	h.Write(sparse[:])
	for _, v := range table {
		fmt.Fprint(h, v)
	}
	for _, w := range []string{"alpha", "beta", "gamma", "delta"} {
		fmt.Fprint(h, words[w])
	}
	upper := 0
	for r := rune(0); r < 0x20000; r++ {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	fmt.Println(strings.ToUpper("digest"), h.Sum64(), upper)
}
