//! "Near me": asks the browser for the visitor's position once and reloads
//! the list sorted by distance (`near=lat,lon`). An island; without
//! JavaScript the button stays hidden and the "Sort by distance from"
//! field (a district or an address) does the same on the server.
use leptos::prelude::*;

#[island]
pub fn NearMeButton(
    /// The list's link without `near`, `from` and `page`, ending in `?` or `&`.
    target: String,
    /// Button text, translated on the server (islands carry no tables).
    label: String,
    /// Shown when the browser gives no position.
    denied: String,
) -> impl IntoView {
    let (ready, set_ready) = signal(false);
    let (status, set_status) = signal(String::new());
    Effect::new(move |_| set_ready.set(true));
    let on_click = move |_| {
        set_status.set(String::new());
        let (target, denied) = (target.clone(), denied.clone());
        locate(move |point| match point {
            Some((lat, lon)) => go_to(&format!("{target}near={lat:.5},{lon:.5}")),
            None => set_status.set(denied.clone()),
        });
    };
    view! {
        <button type="button" class="near-me" hidden=move || !ready.get() on:click=on_click>
            {label}
        </button>
        <span class="near-status" role="status">{move || status.get()}</span>
    }
}

#[cfg(feature = "hydrate")]
fn locate(done: impl Fn(Option<(f64, f64)>) + Clone + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    let Some(geo) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        return done(None);
    };
    let number = |v: &JsValue, path: [&str; 2]| {
        let coords = js_sys::Reflect::get(v, &path[0].into()).ok()?;
        js_sys::Reflect::get(&coords, &path[1].into()).ok()?.as_f64()
    };
    let on_fail = done.clone();
    let ok = Closure::once_into_js(move |pos: JsValue| {
        let lat = number(&pos, ["coords", "latitude"]);
        let lon = number(&pos, ["coords", "longitude"]);
        done(lat.zip(lon));
    });
    let fail = Closure::once_into_js(move |_: JsValue| on_fail(None));
    let (ok, fail): (js_sys::Function, js_sys::Function) =
        (ok.unchecked_into(), fail.unchecked_into());
    if geo.get_current_position_with_error_callback(&ok, Some(&fail)).is_err() {
        let _ = fail.call0(&JsValue::NULL);
    }
}

#[cfg(not(feature = "hydrate"))]
fn locate(_done: impl Fn(Option<(f64, f64)>) + Clone + 'static) {}

#[cfg(feature = "hydrate")]
fn go_to(href: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_href(href);
    }
}

#[cfg(not(feature = "hydrate"))]
fn go_to(_href: &str) {}
