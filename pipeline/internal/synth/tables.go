package synth

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// Polarities of records, clauses and score distributions.
const (
	neg   = 0
	pos   = 1
	mixed = 2
)

// Themes, in the order of themeNames.
const (
	tDelivery = iota
	tWaiting
	tService
	tHotline
	tApp
	tWebsite
	tLogin
	tBilling
	tPrice
	tRefund
	tStaff
	tTrain
	tClean
	tWifi
	tSeat
	tFood
	tQuality
	tPackaging
	nThemes
)

// themeNames name the themes' sections in the data files ("[delivery subjects]").
var themeNames = [nThemes]string{
	"delivery", "waiting", "service", "hotline", "app", "website", "login", "billing", "price",
	"refund", "staff", "train", "clean", "wifi", "seat", "food", "quality", "packaging",
}

type touchpoint struct {
	name   string
	themes []int // repeated entries weight the pick
}

var touchpoints = []touchpoint{
	{"delivery", []int{tDelivery, tDelivery, tDelivery, tDelivery, tPackaging, tPackaging, tWaiting, tQuality, tQuality, tRefund, tService}},
	{"support", []int{tService, tService, tService, tHotline, tHotline, tHotline, tWaiting, tWaiting, tRefund, tBilling}},
	{"app", []int{tApp, tApp, tApp, tApp, tLogin, tLogin, tWebsite, tBilling, tService}},
	{"website", []int{tWebsite, tWebsite, tWebsite, tWebsite, tLogin, tLogin, tPrice, tDelivery, tApp}},
	{"store", []int{tStaff, tStaff, tStaff, tStaff, tClean, tQuality, tQuality, tPrice, tPrice, tWaiting, tRefund}},
	{"billing", []int{tBilling, tBilling, tBilling, tBilling, tPrice, tPrice, tRefund, tRefund, tHotline, tService}},
	{"train", []int{tTrain, tTrain, tTrain, tTrain, tSeat, tSeat, tWifi, tWifi, tClean, tFood, tStaff, tPrice}},
	{"hotel", []int{tClean, tClean, tClean, tWifi, tWifi, tFood, tFood, tStaff, tStaff, tPrice, tWaiting}},
}

// touchpointWeights weight the touchpoints (per 100), in the order of touchpoints.
var touchpointWeights = []int{22, 16, 14, 10, 10, 8, 12, 8}

// Scores by polarity (neg, pos, mixed).
var npsWeights = [3][11]int{
	{10, 8, 10, 12, 10, 12, 10, 4, 0, 0, 0},
	{0, 0, 0, 0, 0, 0, 0, 8, 25, 30, 37},
	{0, 0, 0, 0, 5, 15, 25, 30, 20, 5, 0},
}

var csatWeights = [3][5]int{
	{45, 35, 15, 5, 0},
	{0, 0, 8, 40, 52},
	{0, 20, 50, 30, 0},
}

var emojis = [3][]string{
	{"😡", "😞"},
	{"👍", "🙂"},
	{"🙂", "😞"},
}

var nonAnswers = []string{"-", "nichts", "n/a", "keine Angabe", "", "Nichts", "k.A.", "nein", "/", "none", "nothing", "."}

var minutes = []int{15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 70, 75, 80, 90, 120}

var euros = []int{5, 8, 9, 12, 15, 19, 20, 25, 29, 30, 35, 39, 40, 45, 49, 50, 60, 75, 79, 89, 99, 120, 149, 199, 249}

type train struct {
	kind  string
	lo, n int
}

var trains = []train{{"ICE", 100, 1900}, {"IC", 2000, 1000}, {"EC", 100, 300}, {"RE", 1, 99}, {"RB", 10, 90}}

// makeOrderNumbers draws 200 order numbers from a fixed seed, so that the
// same numbers recur across records as they would in a real shop.
func makeOrderNumbers() []string {
	r := rand.New(rand.NewPCG(200, 48213))
	out := make([]string, 200)
	for i := range out {
		var n int
		switch i % 3 {
		case 0:
			n = 10000 + r.IntN(90000)
		case 1:
			n = 100000 + r.IntN(900000)
		default:
			n = 10000000 + r.IntN(90000000)
		}
		out[i] = strconv.Itoa(n)
	}
	return out
}

// makeDates returns every day of 2024 and 2025 as YYYY-MM-DD.
func makeDates() [][10]byte {
	var out [][10]byte
	for d := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2026; d = d.AddDate(0, 0, 1) {
		var s [10]byte
		d.AppendFormat(s[:0], "2006-01-02")
		out = append(out, s)
	}
	return out
}

// makeTouchpointPick repeats each touchpoint index by its weight, so that a
// uniform pick from the result is a weighted pick of a touchpoint.
func makeTouchpointPick() []int {
	var out []int
	for tp, w := range touchpointWeights {
		for i := 0; i < w; i++ {
			out = append(out, tp)
		}
	}
	return out
}
