package app

import (
	"encoding/json"
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// storage is where the draft and the page's choices are read from: go-app's
// ctx.LocalStorage() once the page has a context, and browserStorage
// before (OnInit), which reads what go-app writes.
type storage interface {
	Get(key string, v any) error
}

// browserStorage is the browser's localStorage read as go-app's
// ctx.LocalStorage() reads it: each value is JSON. A browser that refuses
// storage (blocked site data) throws; that is an error here, not a panic.
type browserStorage struct{}

func (browserStorage) Get(key string, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("this browser refused to read its storage (%v)", r)
		}
	}()
	item := goapp.Window().Get("localStorage").Call("getItem", key)
	if !item.Truthy() {
		return nil
	}
	return json.Unmarshal([]byte(item.String()), v)
}
