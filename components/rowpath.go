package components

// matchRowPath reads one step of a path into a list, "headers[1]", as the
// regular expression ^(\w+)\[(\d+)\]$ does: the step, the list's name and
// the row's digits, or nil. Written out because regexp's compiler and
// Unicode tables cost the page's app.wasm about 78 KB brotli (issue 22);
// rowpath_test.go holds it to the regular expression.
func matchRowPath(step string) []string {
	open := len(step) - 1
	for open >= 0 && step[open] != '[' {
		open--
	}
	if open < 1 || len(step)-open < 3 || step[len(step)-1] != ']' {
		return nil
	}
	name, index := step[:open], step[open+1:len(step)-1]
	for i := 0; i < len(name); i++ {
		if c := name[i]; !(c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return nil
		}
	}
	for i := 0; i < len(index); i++ {
		if index[i] < '0' || index[i] > '9' {
			return nil
		}
	}
	return []string{step, name, index}
}
