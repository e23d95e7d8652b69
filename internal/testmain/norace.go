//go:build !race

package testmain

// raceEnabled says whether the binary was built with -race.
const raceEnabled = false
