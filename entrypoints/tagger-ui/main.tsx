import { connect } from './connect';

connect();
