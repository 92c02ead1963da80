fn main() {
    easnet_web::start();
}
